-- Issue 18, "conflicting repeats, on every channel": the same idempotency key (source +
-- externalId) with other content must never be answered with the card on file. What the input
-- was is kept as a digest: for the canonical JSON format, of its canonical content (key order and
-- whitespace do not count); for every other format (СЕВ ОВВ XML, a connector's own), of its bytes
-- (src/pipeline/input-digest.ts). payload_sha256 (of the decoded submission, whose receivedAt is
-- the arrival time for some formats) stays as it was and is not compared.
-- Documents registered before this migration have no digest: a repeat of one is a plain repeat,
-- as it was (nothing to compare it with).
ALTER TABLE documents ADD COLUMN input_sha256 text;
