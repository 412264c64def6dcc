-- 025: when the broker confirmed an outgoing СЕВ ОВВ message (issue 18). sent_at is when the
-- document was registered and its message handed to the outbox; published_at when the delivery's
-- publisher confirms said the broker holds it on dilovod.outbound. Null while it has not: the
-- broker unreachable or the delivery behind, which the clerk sees on the card.
ALTER TABLE sev_ovv_outgoing_messages ADD COLUMN published_at timestamptz;
-- A message with a receipt was taken by the broker (its time is not known: its sending stands in);
-- one sent before this migration without a receipt stays unknown (null), as the README says.
UPDATE sev_ovv_outgoing_messages SET published_at = sent_at WHERE state <> 'sent';
