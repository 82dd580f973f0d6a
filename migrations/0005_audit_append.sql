-- Appends one event to the audit chain in one round trip (domain/audit.ts, recordAudit). The chain's lock is
-- held from here until the caller's transaction ends, so the time between taking it and COMMIT is what bounds
-- every audited write (submits above all): taking the lock, reading the previous hash and inserting used to be
-- three round trips inside that window, now they are one call.
-- The previous hash is read after the lock is granted: in READ COMMITTED each statement of a VOLATILE function
-- takes a fresh snapshot, so it sees the event the previous holder committed (a single INSERT ... SELECT could
-- not, its snapshot predating the lock). The hash is Node's createHash('sha256').update(prev).update(body) in
-- SQL: the sha256 of the UTF-8 bytes of prev || body, in hex. `body` is the canonical JSON the caller hashes
-- (domain/audit.ts), the same text verifyAuditChain recomputes from the stored row.
CREATE FUNCTION audit_append(p_lock_key bigint, p_genesis text, p_at timestamptz, p_actor_id uuid, p_action text, p_entity_type text,
  p_entity_id text, p_operator_id uuid, p_before jsonb, p_after jsonb, p_body text) RETURNS text LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_prev text;
  v_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(p_lock_key);
  SELECT e.hash INTO v_prev FROM audit_events e ORDER BY e.id DESC LIMIT 1;
  v_prev := coalesce(v_prev, p_genesis);
  v_hash := encode(sha256(convert_to(v_prev || p_body, 'UTF8')), 'hex');
  INSERT INTO audit_events (at, actor_id, action, entity_type, entity_id, operator_id, before, after, prev_hash, hash)
  VALUES (p_at, p_actor_id, p_action, p_entity_type, p_entity_id, p_operator_id, p_before, p_after, v_prev, v_hash);
  RETURN v_hash;
END $$;
