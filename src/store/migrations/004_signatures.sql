-- 004: qualified e-signatures verified before registration (one row per signer; a container that
-- cannot be read is one row with no signer), and flags staff should see on the card.
CREATE TABLE document_signatures (
  document_id          uuid    NOT NULL REFERENCES documents (id),
  ordinal              integer NOT NULL,
  attachment           text,
  indication           text    NOT NULL,
  sub_indication       text,
  qualified            boolean NOT NULL,
  signer               jsonb,
  signing_time         timestamptz,
  best_signature_time  timestamptz,
  report               jsonb   NOT NULL,
  PRIMARY KEY (document_id, ordinal)
);

ALTER TABLE documents ADD COLUMN flags jsonb;
