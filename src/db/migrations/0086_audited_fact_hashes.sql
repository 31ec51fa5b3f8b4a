-- Each change's audit entry carries the hashes of the facts it wrote (issue 22 part 2, ADR 17), so that
-- `hearth audit verify` can hold the record's tables and their kept history to the chained, checkpointed log: a
-- fact changed or deleted behind Hearth's back, or a kept version rewritten, no longer matches what was audited.
--
-- The row trigger that already keeps every record table's history (migration 0050) now also runs on INSERT and,
-- in a transaction whose actor the application named (`hearth.now`), adds a line "table key hash" for the version
-- it writes to the transaction's `hearth.written`. `append_audit_entries` takes those lines, clears them and
-- chains them with the change's first entry in the same statement, so a change costs no extra round trip.

-- A version's hash: SHA-256 of the row as JSON without its null fields, so that a column added later with no
-- value (a migration) leaves the hashes of rows written before it unchanged.
create function record_version_hash(version jsonb) returns text language sql immutable parallel safe as $$
  select encode(sha256(convert_to(jsonb_strip_nulls(version)::text, 'UTF8')), 'hex')
$$;

-- A row's key within its table: its id, or for an assessment's factors the assessment and the code.
create function record_version_key(version jsonb) returns text language sql immutable parallel safe as $$
  select coalesce(version ->> 'id', (version ->> 'assessment_id') || '/' || (version ->> 'code'))
$$;

-- A setting is rewritten whole at each line, so a change of many rows (an import) would cost the square of its
-- size: past 4 kB the lines are moved to a temporary table of the transaction, made only by such a change.
create function keep_written_facts(written text) returns void language plpgsql as $$
begin
  if coalesce(current_setting('hearth.written_kept', true), '') <> 'on' then
    create temporary table hearth_written_facts (facts text not null) on commit drop;
    perform set_config('hearth.written_kept', 'on', true);
  end if;
  execute 'insert into pg_temp.hearth_written_facts (facts) values ($1)' using written;
end
$$;

create or replace function keep_record_history() returns trigger language plpgsql as $$
declare
  was jsonb;
  written jsonb;
  facts text;
begin
  if tg_op = 'DELETE' then
    raise exception 'A child''s record keeps its history: rows of % are never deleted; record an end or a correction', tg_table_name
      using errcode = 'insufficient_privilege';
  end if;
  if tg_op = 'UPDATE' then
    if new is not distinct from old then
      return new;
    end if;
    was := to_jsonb(old);
    insert into record_history
      (council_id, table_name, record_id, child_id, version_row, recorded_at, superseded_at, superseded_by, reason)
    values (
      old.council_id, tg_table_name, (was ->> 'id')::uuid,
      (case when tg_table_name = 'children' then was ->> 'id' else was ->> 'child_id' end)::uuid,
      was, old.recorded_at, hearth_now(),
      nullif(current_setting('hearth.user', true), '')::uuid,
      nullif(current_setting('hearth.reason', true), ''));
    new.recorded_at := hearth_now();
  end if;
  -- A change the application makes: note the version it writes for the change's audit entry (ADR 17).
  if current_setting('hearth.now', true) <> '' then
    written := to_jsonb(new);
    facts := coalesce(current_setting('hearth.written', true), '')
      || tg_table_name || ' ' || record_version_key(written) || ' ' || record_version_hash(written) || chr(10);
    if length(facts) > 4096 then
      perform keep_written_facts(facts);
      facts := '';
    end if;
    perform set_config('hearth.written', facts, true);
  end if;
  return new;
end
$$;

do $$
declare
  record_table text;
begin
  for record_table in
    select c.relname from pg_trigger t join pg_class c on c.oid = t.tgrelid
    where t.tgname = c.relname || '_keep_history' and not t.tgisinternal
  loop
    execute format('drop trigger %I on %I', record_table || '_keep_history', record_table);
    execute format('create trigger %I before insert or update or delete on %I '
      'for each row execute function keep_record_history()', record_table || '_keep_history', record_table);
  end loop;
end
$$;

-- The facts a change wrote, chained with its first entry: its hash covers them (src/platform/audit.ts).
alter table audit_log add column facts text;

drop function append_audit_entries(uuid, jsonb);
drop function append_audit_entries_without_waiting(uuid, jsonb);
drop function seal_audit_entries(uuid);
drop function seal_pending_audit_entries(uuid);
drop function chain_audit_entries(uuid, jsonb);

-- 0061's chaining, with the facts of the change chained with the first of its entries.
create function chain_audit_entries(council uuid, entries jsonb, facts text) returns void language plpgsql as $$
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
      || (entry ->> 'content_after_seq') || coalesce(chr(10) || facts, ''), 'sha256'), 'hex');
    insert into audit_log (council_id, seq, id, at, user_id, worker_id, action, outcome, child_id, route, ip,
      details, facts, previous_hash, hash)
    values (council, head_seq, (entry ->> 'id')::uuid, (entry ->> 'at')::timestamptz, (entry ->> 'user_id')::uuid,
      (entry ->> 'worker_id')::uuid, entry ->> 'action', entry ->> 'outcome', (entry ->> 'child_id')::uuid,
      entry ->> 'route', entry ->> 'ip', entry -> 'details', facts, head_hash, entry_hash);
    head_hash := entry_hash;
    facts := null;
  end loop;
end
$$;

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
  perform chain_audit_entries(council, sealed, null);
  return jsonb_array_length(sealed);
end
$$;

-- The facts this transaction has written since its last append, taken for its next entry.
create function take_written_facts() returns text language plpgsql as $$
declare
  kept text := '';
  written text := coalesce(current_setting('hearth.written', true), '');
begin
  if current_setting('hearth.written_kept', true) = 'on' then
    execute 'select coalesce(string_agg(facts, ''''), '''') from pg_temp.hearth_written_facts' into kept;
    execute 'delete from pg_temp.hearth_written_facts';
  end if;
  if kept = '' and written = '' then
    return null;
  end if;
  perform set_config('hearth.written', '', true);
  return kept || written;
end
$$;

create function append_audit_entries(council uuid, entries jsonb) returns void language plpgsql as $$
begin
  perform pg_advisory_xact_lock(hashtextextended(council::text, 0));
  perform seal_pending_audit_entries(council);
  perform chain_audit_entries(council, entries, take_written_facts());
end
$$;

create function append_audit_entries_without_waiting(council uuid, entries jsonb) returns boolean
language plpgsql as $$
begin
  if pg_try_advisory_xact_lock(hashtextextended(council::text, 0)) then
    perform seal_pending_audit_entries(council);
    perform chain_audit_entries(council, entries, take_written_facts());
    return true;
  end if;
  insert into audit_pending (council_id, id, entry)
    select council, (value ->> 'id')::uuid, value from jsonb_array_elements(entries);
  return false;
end
$$;

create function seal_audit_entries(council uuid) returns integer language plpgsql as $$
begin
  perform pg_advisory_xact_lock(hashtextextended(council::text, 0));
  return seal_pending_audit_entries(council);
end
$$;
