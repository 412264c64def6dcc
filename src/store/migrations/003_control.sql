-- 003: control of execution (003 §114-120, §157-199). One control card per resolution; the
-- card is the unit the daily overdue list, the weekly plan and the discipline report count.
CREATE TABLE control_cards (
  id                  uuid PRIMARY KEY,
  document_id         uuid NOT NULL REFERENCES documents (id),
  resolution_no       integer NOT NULL,
  responsible         text NOT NULL,
  status              text NOT NULL,
  term                date NOT NULL,
  reminder_on         date NOT NULL,
  executed_on         date,
  card                jsonb NOT NULL,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT control_cards_resolution_key UNIQUE (document_id, resolution_no)
);
-- The daily list and the scheduler read open cards by term; the discipline report by executor.
CREATE INDEX control_cards_open_term_idx ON control_cards (term, id) WHERE status = 'under-control';
CREATE INDEX control_cards_reminder_idx ON control_cards (reminder_on) WHERE status = 'under-control';
CREATE INDEX control_cards_open_responsible_idx ON control_cards (responsible, term, id) WHERE status = 'under-control';
CREATE INDEX control_cards_term_idx ON control_cards (term);

-- One reminder and one overdue notice per card and term, whichever hub process gets there first.
CREATE TABLE control_notices (
  card_id     uuid NOT NULL REFERENCES control_cards (id),
  kind        text NOT NULL,
  term        date NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (card_id, kind, term)
);
