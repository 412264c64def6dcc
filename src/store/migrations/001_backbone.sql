-- 001: the backbone. Nomenclature of files, journals' running numbers, documents and their
-- attachments, quarantine of rejected inputs, and the transactional outbox of events.

-- Nomenclature of files per year (003 §179): every registered document is filed to one case.
CREATE TABLE nomenclature_cases (
  year          integer NOT NULL,
  case_index    text    NOT NULL,
  title         text    NOT NULL,
  subdivision   text    NOT NULL,
  storage_term  text    NOT NULL,
  journal       text    NOT NULL,
  note          text,
  imported_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (year, case_index)
);

-- Running number per journal and calendar year. Incremented under the row lock inside the
-- registering transaction: a rollback returns the number, so there are no gaps, and concurrent
-- registrations from several hub processes queue on the row, so there are no duplicates.
CREATE TABLE journal_counters (
  journal      text    NOT NULL,
  year         integer NOT NULL,
  last_number  integer NOT NULL,
  PRIMARY KEY (journal, year)
);

CREATE TABLE documents (
  id              uuid PRIMARY KEY,
  source          text NOT NULL,
  external_id     text NOT NULL,
  kind            text NOT NULL,
  subtype         text,
  status          text NOT NULL,
  summary         text NOT NULL,
  correspondent   jsonb NOT NULL,
  outgoing        jsonb,
  received_at     timestamptz NOT NULL,
  urgency         text NOT NULL DEFAULT 'normal',
  pages           integer,
  due_date        date,
  meta            jsonb,
  reg_journal     text,
  reg_year        integer,
  reg_number      integer,
  reg_index       text,
  reg_date        date,
  reg_case        text,
  not_registered_reason jsonb,
  payload_sha256  text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  -- The idempotency key: the same item delivered twice is one document.
  CONSTRAINT documents_source_external_id_key UNIQUE (source, external_id),
  CONSTRAINT documents_registration_key UNIQUE (reg_journal, reg_year, reg_number),
  CONSTRAINT documents_case_fk FOREIGN KEY (reg_year, reg_case) REFERENCES nomenclature_cases (year, case_index),
  CONSTRAINT documents_registered_has_index CHECK (status <> 'registered' OR reg_index IS NOT NULL)
);
CREATE INDEX documents_received_idx ON documents (received_at DESC, id DESC);
CREATE INDEX documents_kind_idx ON documents (kind, received_at DESC);

CREATE TABLE attachments (
  document_id  uuid    NOT NULL REFERENCES documents (id),
  ordinal      integer NOT NULL,
  name         text    NOT NULL,
  media_type   text    NOT NULL,
  sha256       text    NOT NULL,
  size         integer NOT NULL,
  content      bytea   NOT NULL,
  PRIMARY KEY (document_id, ordinal)
);

-- Inputs the hub could not accept, kept with their reason and raw bytes (nothing is lost).
-- A redelivered poison message lands on the same row (fingerprint) and bumps attempts.
CREATE TABLE quarantine (
  id             uuid PRIMARY KEY,
  fingerprint    text NOT NULL UNIQUE,
  code           text NOT NULL,
  reason         text NOT NULL,
  reason_uk      text NOT NULL,
  details        jsonb,
  channel        text NOT NULL,
  source         text,
  external_id    text,
  routing_key    text,
  message_id     text,
  content_type   text,
  payload        bytea NOT NULL,
  payload_sha256 text NOT NULL,
  attempts       integer NOT NULL DEFAULT 1,
  received_at    timestamptz NOT NULL,
  last_seen_at   timestamptz NOT NULL
);
CREATE INDEX quarantine_received_idx ON quarantine (received_at DESC, id DESC);

-- Transactional outbox: written in the same transaction as the state change, published by the
-- relay in seq order (so in order per document), marked published after broker confirms.
CREATE TABLE outbox (
  seq           bigserial PRIMARY KEY,
  event_id      uuid NOT NULL UNIQUE,
  document_id   uuid NOT NULL,
  type          text NOT NULL,
  payload       jsonb NOT NULL,
  occurred_at   timestamptz NOT NULL,
  published_at  timestamptz
);
CREATE INDEX outbox_unpublished_idx ON outbox (seq) WHERE published_at IS NULL;
