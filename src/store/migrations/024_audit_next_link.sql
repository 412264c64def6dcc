-- 024: the control log's next link drawn by the database (issue 16), so an entry is appended by one
-- statement (an appeal registered with its intake entry by one statement too) instead of three
-- round trips: the chain's lock, the head and the next seq, the entry.
--
-- The lock is the one the hub took before (src/store/audit.ts, 704117003): appends stay serialised
-- hub-wide, and checkpoints see a prefix of one history (src/audit/checkpoints/service.ts). A
-- VOLATILE function takes a fresh snapshot for each of its queries under READ COMMITTED, so the
-- head read after the lock is the one committed by whoever held it before: no two entries on one
-- head. The hash is entryHash's (src/domain/audit/chain.ts): SHA-256 of the canonical JSON, whose
-- pieces around prevHash and seq the hub gives (linkMaterial); verify recomputes it in JavaScript.
CREATE FUNCTION audit_next_link(material_head text, material_middle text, material_tail text)
RETURNS TABLE (seq bigint, prev_hash text, hash text)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  head_hash text;
  next_seq bigint;
BEGIN
  -- Under REPEATABLE READ or SERIALIZABLE the head would be read from the transaction's first
  -- snapshot, not after the lock: two entries could follow one head. Refused rather than forked.
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'the control log is appended under READ COMMITTED only (transaction_isolation is %)', current_setting('transaction_isolation');
  END IF;
  PERFORM pg_advisory_xact_lock(704117003);
  SELECT l.hash INTO head_hash FROM audit_log l ORDER BY l.seq DESC LIMIT 1;
  head_hash := coalesce(head_hash, repeat('0', 64));
  next_seq := nextval(pg_get_serial_sequence('audit_log', 'seq'));
  RETURN QUERY SELECT next_seq, head_hash,
    encode(sha256(convert_to(material_head || '"' || head_hash || '"' || material_middle || next_seq::text || material_tail, 'UTF8')), 'hex');
END
$$;
