-- 016: the signed checkpoints of the control log (issue 14). Kept here for GET
-- /api/v1/audit/checkpoints and the hub's own verify; they are also published as events and
-- appended to a file the auditor archives, because whoever holds this database could delete
-- them here (never forge them: the signing key is not in the database). Append-only like the log.
-- The runtime role's privileges (INSERT and SELECT only) are granted in code after migrating,
-- when DATABASE_MIGRATION_URL names a separate owner (src/store/roles.ts).
CREATE TABLE audit_checkpoints (
  seq         bigserial PRIMARY KEY,
  size        bigint NOT NULL,
  at          timestamptz NOT NULL,
  key_id      text NOT NULL,
  checkpoint  jsonb NOT NULL
);
CREATE INDEX audit_checkpoints_size_idx ON audit_checkpoints (size, seq);
CREATE TRIGGER audit_checkpoints_no_update_delete BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
