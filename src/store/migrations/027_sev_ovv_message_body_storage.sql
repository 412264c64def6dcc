-- 027: the 1207 messages the hub sends are kept without compression (STORAGE EXTERNAL), so the
-- delivery reads a large one a few megabytes at a time (substring of bytea) without the server
-- decompressing the whole value for every piece. Their files are base64 text of mostly compressed
-- formats (PDF, DOCX), which pglz rarely shrinks by the quarter it needs anyway. Rows already kept
-- stay as they are; either way each piece reads the same bytes.
ALTER TABLE sev_ovv_outgoing_messages ALTER COLUMN body SET STORAGE EXTERNAL;
