-- 022: СЕВ ОВВ both ways (issue 18). The council's documents go out through the hub: the directory
-- of exchange participants it may send to, the outgoing documents registered in their own journal
-- (003, registration of outgoing documents: own running numbers, the case of the nomenclature), the
-- files and their detached signatures as the official made them (the hub never holds a private key),
-- and one 1207 message per addressee with the receipts that came back for it.

-- Participants of the exchange (ЄДРПОУ, system id issued by the operator, name), as the council
-- keeps the list (`dilovod sev-ovv participants import FILE`).
CREATE TABLE sev_ovv_participants (
  edrpou       text PRIMARY KEY,
  sys_id       text NOT NULL,
  name         text NOT NULL,
  updated_at   timestamptz NOT NULL
);

CREATE TABLE outgoing_documents (
  id                   uuid PRIMARY KEY,
  summary              text NOT NULL,
  signatory            jsonb NOT NULL,
  addressees           jsonb NOT NULL,
  -- The incoming document this one answers; its card shows "answered by № … of …".
  answers_document_id  uuid REFERENCES documents (id),
  reg_journal          text NOT NULL,
  reg_year             integer NOT NULL,
  reg_number           integer NOT NULL,
  reg_index            text NOT NULL,
  reg_date             date NOT NULL,
  reg_case             text NOT NULL,
  created_by           text NOT NULL,
  created_at           timestamptz NOT NULL,
  UNIQUE (reg_journal, reg_year, reg_number),
  CONSTRAINT outgoing_case_fk FOREIGN KEY (reg_year, reg_case) REFERENCES nomenclature_cases (year, case_index)
);
CREATE INDEX outgoing_documents_answers_idx ON outgoing_documents (answers_document_id) WHERE answers_document_id IS NOT NULL;

CREATE TABLE outgoing_attachments (
  outgoing_id  uuid    NOT NULL REFERENCES outgoing_documents (id),
  ordinal      integer NOT NULL,
  name         text    NOT NULL,
  media_type   text    NOT NULL,
  sha256       text    NOT NULL,
  size         integer NOT NULL,
  content      bytea   NOT NULL,
  PRIMARY KEY (outgoing_id, ordinal)
);

-- Each detached CAdES signature as it was given, with the hub's verdict (the same verifier as for
-- incoming documents) and its report.
CREATE TABLE outgoing_signatures (
  outgoing_id     uuid    NOT NULL REFERENCES outgoing_documents (id),
  ordinal         integer NOT NULL,
  attachment      text    NOT NULL,
  cms             bytea   NOT NULL,
  indication      text    NOT NULL,
  sub_indication  text,
  qualified       boolean NOT NULL,
  signer          jsonb,
  signing_time         timestamptz,
  best_signature_time  timestamptz,
  report          jsonb   NOT NULL,
  PRIMARY KEY (outgoing_id, ordinal)
);

-- One 1207 message per participant addressee, its bytes as sent (the delivery reads them from here:
-- events carry no content), and where its receipts have brought it.
CREATE TABLE sev_ovv_outgoing_messages (
  msg_id            text PRIMARY KEY,
  outgoing_id       uuid NOT NULL REFERENCES outgoing_documents (id),
  to_org_id         text NOT NULL,
  to_sys_id         text NOT NULL,
  to_name           text NOT NULL,
  msg_type          smallint NOT NULL,
  body              bytea NOT NULL,
  state             text NOT NULL CHECK (state IN ('sent', 'delivered', 'accepted', 'registered', 'refused')),
  sent_at           timestamptz NOT NULL,
  delivered_at      timestamptz,
  accepted_at       timestamptz,
  registered_at     timestamptz,
  refused_at        timestamptz,
  their_reg_number  text,
  their_reg_date    date,
  refusal_reason    text,
  updated_at        timestamptz NOT NULL
);
CREATE INDEX sev_ovv_outgoing_messages_outgoing_idx ON sev_ovv_outgoing_messages (outgoing_id);
CREATE INDEX sev_ovv_outgoing_messages_sent_idx ON sev_ovv_outgoing_messages (sent_at) WHERE state = 'sent';
