-- 017: large rejected inputs kept in parts (issue 14, "one input never takes the hub down").
-- A 48 MB payload written as one bytea parameter is a 96 MB hex string built in the hub's heap
-- and, on the embedded database, seconds of work on the event loop; written 64 KiB at a time it
-- is neither. Parts are keyed by the payload's SHA-256 (the same bytes are kept once, and a write
-- cut short is completed by the next attempt); a quarantine row whose payload is NULL has its
-- bytes here, payload_size of them. Nothing is ever deleted: quarantine keeps what it was sent.
CREATE TABLE payload_parts (
  sha256  text    NOT NULL,
  part    integer NOT NULL,
  bytes   bytea   NOT NULL,
  PRIMARY KEY (sha256, part)
);
ALTER TABLE quarantine ALTER COLUMN payload DROP NOT NULL;
ALTER TABLE quarantine ADD COLUMN payload_size bigint;
