-- 027: how the large bytes are kept (issue 18).
-- Files and payloads (attachments, outgoing_attachments, quarantine, payload_parts) are compressed
-- with lz4 where the server has it, else kept as they are (STORAGE EXTERNAL: the embedded database
-- is built without lz4). pglz, the server's default, compresses a whole file before it finds that
-- a PDF does not shrink: storing ДС1's 1.09 MB document took 36 ms of a message's ~150, against 13
-- with lz4 and 12 uncompressed (`npm run bench -- sev-ovv`).
-- The 1207 messages the hub sends (sev_ovv_outgoing_messages.body) are kept uncompressed, so the
-- delivery reads a large one a few megabytes at a time (substring) without the server
-- decompressing the whole value for every piece.
-- Values already kept stay as they are; either way they read back the same bytes.
ALTER TABLE sev_ovv_outgoing_messages ALTER COLUMN body SET STORAGE EXTERNAL;
-- As dynamic statements, so that a server before PostgreSQL 14 (no SET COMPRESSION: a syntax
-- error) falls back too instead of failing the migration.
DO $$
BEGIN
  EXECUTE 'ALTER TABLE attachments ALTER COLUMN content SET COMPRESSION lz4';
  EXECUTE 'ALTER TABLE outgoing_attachments ALTER COLUMN content SET COMPRESSION lz4';
  EXECUTE 'ALTER TABLE quarantine ALTER COLUMN payload SET COMPRESSION lz4';
  EXECUTE 'ALTER TABLE payload_parts ALTER COLUMN bytes SET COMPRESSION lz4';
EXCEPTION WHEN feature_not_supported OR syntax_error THEN
  ALTER TABLE attachments ALTER COLUMN content SET STORAGE EXTERNAL;
  ALTER TABLE outgoing_attachments ALTER COLUMN content SET STORAGE EXTERNAL;
  ALTER TABLE quarantine ALTER COLUMN payload SET STORAGE EXTERNAL;
  ALTER TABLE payload_parts ALTER COLUMN bytes SET STORAGE EXTERNAL;
END $$;
