-- 006: public-information requests (Закон «Про доступ до публічної інформації» № 2939-VI). The
-- request itself is its document (kind 'info-request', journal 'info-requests') and its row in
-- `appeals`; here is what happens to it after registration, one row per request, written on the
-- first extension or answer: the extension to 20 working days with the notice to the requester
-- (ст. 20 ч. 4) and the answer (ст. 20, 22). The term before that follows from receipt alone.
CREATE TABLE info_requests (
  document_id    uuid PRIMARY KEY REFERENCES documents (id),
  -- ст. 20 ч. 4: the extended term, its basis and reasons, the notice's due day and sending day.
  extended_term  date,
  extension      jsonb,
  -- ст. 20, 22: provided, partially-provided, refused, forwarded.
  result         text,
  answered_on    date,
  answer         jsonb,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX info_requests_open_idx ON info_requests (document_id) WHERE result IS NULL;
