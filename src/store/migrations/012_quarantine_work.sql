-- 012: quarantine an operator can work (issue 12). An item is replayed through the pipeline with
-- its original bytes and envelope (the decoder it was given: `format`) once its cause is fixed,
-- or dismissed with a reason; either way it leaves the open list, and a replay that registers
-- links the item to its document.
ALTER TABLE quarantine ADD COLUMN format text;
ALTER TABLE quarantine ADD COLUMN status text NOT NULL DEFAULT 'open';
ALTER TABLE quarantine ADD COLUMN document_id uuid;
ALTER TABLE quarantine ADD COLUMN resolved_at timestamptz;
ALTER TABLE quarantine ADD COLUMN resolved_by text;
ALTER TABLE quarantine ADD COLUMN dismiss_reason text;
CREATE INDEX quarantine_status_idx ON quarantine (status, received_at DESC, id DESC);
