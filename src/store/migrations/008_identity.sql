-- 008: identity. API tokens for systems (and people without an identity provider), the staff
-- directory with its stand-ins (003 §118, §174, §196), the record of every read of a citizen's
-- personal data (Law «Про захист персональних даних», art. 10, 14), and the control log's
-- record of how the actor was authenticated.

-- A token is `dlv_<id>_<secret>`: the id is public (listed, logged); only SHA-256 of the secret
-- is kept, so the database never holds a usable token.
CREATE TABLE api_tokens (
  id            text PRIMARY KEY,
  secret_sha256 bytea NOT NULL,
  name          text NOT NULL,
  roles         text[] NOT NULL,
  sources       text[],
  staff_id      text,
  act_for       text[],
  expires_at    timestamptz,
  created_at    timestamptz NOT NULL,
  created_by    text NOT NULL,
  revoked_at    timestamptz,
  revoked_by    text,
  last_used_at  timestamptz
);

CREATE TABLE staff (
  id           text PRIMARY KEY,
  full_name    text NOT NULL,
  position     text NOT NULL,
  subdivision  text,
  roles        text[] NOT NULL DEFAULT '{}',
  active       boolean NOT NULL DEFAULT true,
  updated_at   timestamptz NOT NULL DEFAULT now()
);

-- Who stands in for whom, and on which days (an order on leave or a standing deputy).
CREATE TABLE staff_stand_ins (
  deputy_id     text NOT NULL REFERENCES staff (id),
  principal_id  text NOT NULL REFERENCES staff (id),
  from_date     date NOT NULL,
  to_date       date,
  basis         text,
  PRIMARY KEY (deputy_id, principal_id, from_date)
);
CREATE INDEX staff_stand_ins_principal_idx ON staff_stand_ins (principal_id);

-- Append-only like the control log: who read which record's personal data, when, how, from where.
CREATE TABLE personal_data_reads (
  seq             bigserial PRIMARY KEY,
  at              timestamptz NOT NULL,
  principal       text NOT NULL,
  via             text,
  method          text NOT NULL,
  client_address  text,
  record_kind     text NOT NULL,
  record_id       text NOT NULL,
  route           text NOT NULL
);
CREATE INDEX personal_data_reads_principal_idx ON personal_data_reads (principal, at);
CREATE INDEX personal_data_reads_record_idx ON personal_data_reads (record_id, at);
CREATE INDEX personal_data_reads_at_idx ON personal_data_reads (at, seq);
CREATE TRIGGER personal_data_reads_no_update_delete BEFORE UPDATE OR DELETE ON personal_data_reads
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER personal_data_reads_no_truncate BEFORE TRUNCATE ON personal_data_reads
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

-- How the actor was authenticated (method, the system it came through, standing in, address).
-- Null on entries written before: their hashes stay as they were (see src/domain/audit).
ALTER TABLE audit_log ADD COLUMN via jsonb;
