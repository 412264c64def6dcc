-- 005: citizens' appeals (Law «Про звернення громадян»; 003 §98-156). One row per appeal, keyed by
-- its document; the card is kept whole as jsonb, and beside it the columns reports and lists
-- filter on. The applicants' fingerprints and blocking keys are personal data (001 §2.2.13):
-- they are read only by intake and by the roles that may see the card.
CREATE TABLE appeals (
  document_id        uuid PRIMARY KEY REFERENCES documents (id),
  kind               text    NOT NULL,
  -- Kyiv date of receipt: terms run from it (Law art. 20), reports count by it.
  received_on        date    NOT NULL,
  registration_index text,
  channel            text    NOT NULL,
  submission         text    NOT NULL,
  type               text    NOT NULL,
  -- The form it is counted under (intake's: an e-petition below its threshold is collective).
  form               text    NOT NULL,
  forwarded_by       text    NOT NULL,
  intake_status      text    NOT NULL,
  recurrence         text    NOT NULL,
  -- «П» on a repeat appeal (003 §102).
  mark               text,
  linked_to          uuid,
  -- Signers of a collective appeal: one appeal, this many citizens (003 §99, §134).
  citizens           integer NOT NULL,
  topics             text[]  NOT NULL,
  priority           text    NOT NULL,
  route_to           text,
  result             text,
  answered_on        date,
  answered_on_merits boolean NOT NULL DEFAULT false,
  -- 'submitted': the card came in meta.appeal; 'derived': built from the canonical fields.
  card_source        text    NOT NULL,
  card               jsonb   NOT NULL,
  -- AppealIntake without its decisions (those are rows of appeal_decisions).
  intake             jsonb   NOT NULL,
  answer             jsonb,
  -- What later intake compares with (EarlierAppeal): fingerprints and the summary's stems.
  fingerprints       jsonb   NOT NULL,
  stems              text[]  NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX appeals_received_idx ON appeals (received_on, document_id);
CREATE INDEX appeals_linked_idx ON appeals (linked_to) WHERE linked_to IS NOT NULL;
CREATE INDEX appeals_open_idx ON appeals (received_on) WHERE result IS NULL AND intake_status = 'accepted';

-- Blocking keys (src/domain/appeals/matching.ts): the same surname at a street and house, the same
-- dwelling, the same e-mail or phone. The primary key is the B-tree on key that repeat checks use
-- (003 §102: «перед реєстрацією листи перевіряються на повторність»).
CREATE TABLE appeal_keys (
  key        text NOT NULL,
  appeal_id  uuid NOT NULL REFERENCES appeals (document_id),
  PRIMARY KEY (key, appeal_id)
);

-- Every intake decision with the rule and the paragraph it rests on, in the order decided.
CREATE TABLE appeal_decisions (
  appeal_id  uuid    NOT NULL REFERENCES appeals (document_id),
  ordinal    integer NOT NULL,
  decision   text    NOT NULL,
  rule       text    NOT NULL,
  basis      text    NOT NULL,
  reason_uk  text    NOT NULL,
  details    jsonb,
  PRIMARY KEY (appeal_id, ordinal)
);
CREATE INDEX appeal_decisions_decision_idx ON appeal_decisions (decision, appeal_id);
