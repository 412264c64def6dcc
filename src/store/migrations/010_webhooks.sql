-- 010: signed webhooks to the council's EDMS (connectors/edms, Standard Webhooks). A subscription
-- reads the change feed from its own cursor (009) and turns each matching change into a delivery;
-- deliveries go out in order per control card (or document), retried with back-off for up to
-- three days, then parked as failed for an operator to replay. A dead EDMS holds up only itself.
CREATE TABLE webhook_subscriptions (
  id               uuid PRIMARY KEY,
  url              text NOT NULL,
  events           text[] NOT NULL,
  sources          text[],
  secret           text NOT NULL,
  previous_secret  text,
  previous_until   timestamptz,
  status           text NOT NULL DEFAULT 'active',
  owner_token      text,
  -- Whether its document events carry citizens' data unmasked: only when whoever subscribed holds
  -- the personal-data permission (README, Security); each such delivery is a recorded read.
  personal_data    boolean NOT NULL DEFAULT false,
  created_by       text NOT NULL,
  created_at       timestamptz NOT NULL,
  cursor_tx        xid8,
  cursor_seq       bigint,
  disabled_reason  text
);

CREATE TABLE webhook_deliveries (
  id               bigserial PRIMARY KEY,
  subscription_id  uuid NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
  event_id         uuid NOT NULL,
  event_type       text NOT NULL,
  order_key        text NOT NULL,
  body             jsonb NOT NULL,
  status           text NOT NULL DEFAULT 'pending',
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL,
  retry_until      timestamptz NOT NULL,
  created_at       timestamptz NOT NULL,
  delivered_at     timestamptz,
  last_status      integer,
  last_error       text,
  CONSTRAINT webhook_deliveries_once UNIQUE (subscription_id, event_id)
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at, id) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_order_idx ON webhook_deliveries (subscription_id, order_key, id) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_status_idx ON webhook_deliveries (subscription_id, status, id);

-- Every attempt: when, the answer's status, how long it took, the error; never the body.
CREATE TABLE webhook_attempts (
  delivery_id  bigint NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
  at           timestamptz NOT NULL,
  status       integer,
  latency_ms   integer NOT NULL,
  error        text
);
CREATE INDEX webhook_attempts_delivery_idx ON webhook_attempts (delivery_id, at);
