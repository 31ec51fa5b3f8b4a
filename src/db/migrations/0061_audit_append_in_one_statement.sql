-- Appending to a council's audit chain in one statement (issue 23 part 5, ADR 12). The writer's advisory lock on
-- the council, the read of the chain's head, the hashes and the inserts all happen inside this function, so a
-- read's entries, appended in a statement of their own, hold the chain for that statement alone rather than
-- across three round trips and a commit. The hash is the one `auditHash` (src/platform/audit.ts) computes and
-- `hearth audit verify` checks: SHA-256 of the previous hash, a newline and the entry's canonical JSON, which the
-- caller sends in two parts either side of the sequence number that only the head of the chain can give.
-- A volatile PL/pgSQL function reads the head with a snapshot taken after the lock is granted, so it sees the
-- entry the previous holder committed.
create function append_audit_entries(council uuid, entries jsonb) returns void language plpgsql as $$
declare
  head_seq bigint;
  head_hash text;
  entry jsonb;
  entry_hash text;
begin
  perform pg_advisory_xact_lock(hashtextextended(council::text, 0));
  select seq, hash into head_seq, head_hash
    from audit_log where council_id = council order by seq desc limit 1;
  head_seq := coalesce(head_seq, 0);
  head_hash := coalesce(head_hash, repeat('0', 64));
  for entry in select value from jsonb_array_elements(entries) loop
    head_seq := head_seq + 1;
    entry_hash := encode(digest(head_hash || chr(10) || (entry ->> 'content_before_seq') || head_seq::text
      || (entry ->> 'content_after_seq'), 'sha256'), 'hex');
    insert into audit_log (council_id, seq, id, at, user_id, worker_id, action, outcome, child_id, route, ip,
      details, previous_hash, hash)
    values (council, head_seq, (entry ->> 'id')::uuid, (entry ->> 'at')::timestamptz, (entry ->> 'user_id')::uuid,
      (entry ->> 'worker_id')::uuid, entry ->> 'action', entry ->> 'outcome', (entry ->> 'child_id')::uuid,
      entry ->> 'route', entry ->> 'ip', entry -> 'details', head_hash, entry_hash);
    head_hash := entry_hash;
  end loop;
end
$$;
