-- Anchors for the audit chain (issue 22 part 2, ADR 13). A checkpoint is a council's chain head (its sequence
-- number and hash) at an instant, signed with an HMAC under HEARTH_AUDIT_KEY, a secret kept outside the database.
-- Someone who can write the database can recompute a chain after rewriting an entry, or cut off its newest
-- entries, but cannot sign the new head: `hearth audit verify` compares each chain with its checkpoints, here and
-- in the copy exported to HEARTH_AUDIT_CHECKPOINT_FILE, which the database administrator cannot rewrite.
-- Rule: checkpoints are append-only, like the log they anchor.
create table audit_checkpoints (
  council_id uuid not null,
  seq bigint not null check (seq > 0),
  hash text not null,
  at timestamptz not null,
  signature text not null,
  primary key (council_id, seq)
);

create trigger audit_checkpoints_no_update_or_delete before update or delete on audit_checkpoints
  for each row execute function audit_log_is_append_only();
create trigger audit_checkpoints_no_truncate before truncate on audit_checkpoints
  for each statement execute function audit_log_is_append_only();

-- A case note's audit entries carry the hash of what was written (details.contentHash); `hearth audit verify`
-- finds each note's entries by this index to check the note against them.
create index audit_log_note on audit_log (council_id, (details ->> 'noteId')) where details ? 'noteId';

-- Reads do not queue at the head of the chain (issue 22 part 2, ADR 13). A read's entries are chained at once if
-- the council's lock is free; if another request holds it, they are kept in `audit_pending` instead and the read
-- goes on. Whoever next takes the lock (a change, a read that finds it free, or the sealing step `hearth serve`
-- runs twice a second) first seals what is pending into the chain, oldest first, then appends its own entries.
create table audit_pending (
  council_id uuid not null references councils (id),
  id uuid not null,
  -- The entry as append_audit_entries takes it.
  entry jsonb not null,
  primary key (council_id, id)
);

-- Rule: a pending entry is never changed, and leaves the table only to be sealed into the chain.
create function audit_pending_leaves_only_when_sealed() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and current_setting('hearth.sealing', true) = 'on' then
    return old;
  end if;
  raise exception 'Pending audit entries are only sealed into the audit log: % is not allowed on audit_pending', tg_op
    using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_pending_sealed_only before update or delete on audit_pending
  for each row execute function audit_pending_leaves_only_when_sealed();
create trigger audit_pending_no_truncate before truncate on audit_pending
  for each statement execute function audit_log_is_append_only();

-- Chains entries to the head of a council's chain: 0061's function under a new name. It takes the council's lock
-- itself, which a caller already holding it is granted again at once.
alter function append_audit_entries(uuid, jsonb) rename to chain_audit_entries;

-- Seals a council's pending entries into its chain in the order they were made; the caller holds the lock.
create function seal_pending_audit_entries(council uuid) returns integer language plpgsql as $$
declare
  sealed jsonb;
begin
  perform set_config('hearth.sealing', 'on', true);
  with taken as (delete from audit_pending where council_id = council returning id, entry)
  select jsonb_agg(entry order by entry ->> 'at', id) into sealed from taken;
  perform set_config('hearth.sealing', 'off', true);
  if sealed is null then
    return 0;
  end if;
  perform chain_audit_entries(council, sealed);
  return jsonb_array_length(sealed);
end
$$;

-- A change's entries: wait for the lock, seal what is pending, append.
create function append_audit_entries(council uuid, entries jsonb) returns void language plpgsql as $$
begin
  perform pg_advisory_xact_lock(hashtextextended(council::text, 0));
  perform seal_pending_audit_entries(council);
  perform chain_audit_entries(council, entries);
end
$$;

-- A read's entries: chained now if the lock is free, else kept pending. True if they were chained.
create function append_audit_entries_without_waiting(council uuid, entries jsonb) returns boolean
language plpgsql as $$
begin
  if pg_try_advisory_xact_lock(hashtextextended(council::text, 0)) then
    perform seal_pending_audit_entries(council);
    perform chain_audit_entries(council, entries);
    return true;
  end if;
  insert into audit_pending (council_id, id, entry)
    select council, (value ->> 'id')::uuid, value from jsonb_array_elements(entries);
  return false;
end
$$;

-- The sealing step: what is pending for a council, sealed into its chain.
create function seal_audit_entries(council uuid) returns integer language plpgsql as $$
begin
  perform pg_advisory_xact_lock(hashtextextended(council::text, 0));
  return seal_pending_audit_entries(council);
end
$$;
