-- 009: the change feed (GET /api/v1/changes). Every outbox row keeps the transaction that wrote
-- it. A reader takes rows in (tx, seq) order only below the oldest transaction still running
-- (pg_snapshot_xmin): no row can appear later before its cursor, so an EDMS that was down for a
-- day catches up with one loop and misses nothing, across restarts of either side.
ALTER TABLE outbox ADD COLUMN tx xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX outbox_changes_idx ON outbox (tx, seq);
