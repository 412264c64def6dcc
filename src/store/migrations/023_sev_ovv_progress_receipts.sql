-- 023: СЕВ ОВВ delivery and acceptance receipts the hub sends (issue 18: ack_type 1 and 2, as the
-- sender's Header@msg_acknow asks). One message is answered "delivered" once, whichever event
-- answers it first: a council-side quarantine (the message is kept) or its registration after a
-- replay must not both say so. The row names the event that owns the receipt, so a redelivery of
-- that event (at-least-once delivery) sends it again, byte for byte, and no other event does.
CREATE TABLE sev_ovv_receipts_sent (
  -- The idempotency key of the message answered: <from_org_id>/<from_sys_id>/<msg_id>.
  external_id  text     NOT NULL,
  ack_type     smallint NOT NULL,
  event_id     uuid     NOT NULL,
  claimed_at   timestamptz NOT NULL,
  PRIMARY KEY (external_id, ack_type)
);
