-- 011: commands from the EDMS (issue 11, "In"). An Idempotency-Key is kept with the answer it got,
-- per caller (the EDMS's token, or the person), so a repeat gets the first answer and nothing is
-- applied twice; a key still in flight has no answer yet.
CREATE TABLE idempotency_keys (
  scope           text NOT NULL,
  key             text NOT NULL,
  request_sha256  text NOT NULL,
  status          integer,
  response        jsonb,
  created_at      timestamptz NOT NULL,
  PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
