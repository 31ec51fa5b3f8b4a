-- One way of keeping history (issue 16, docs/decisions/0008-one-history-and-one-reader.md). Every structured
-- table of a child's record carries, beside the dates the social worker records (when a fact was true in the
-- child's life: its valid time, in the table's own words such as start_date/end_date), `recorded_at`: when Hearth
-- learned this version. Changing a row keeps the version it replaces in `record_history`, with when it was
-- superseded, by whom and why; deleting a row is refused. So the record as Hearth knew it at any instant is the
-- current rows recorded by then together with the kept versions that were current then.
--
-- The application names the instant and the person of a change with transaction-local settings
-- (`hearth.now`, `hearth.user`, `hearth.reason`), set by platform/transactions.ts; without them (a migration, the
-- demo loader) the database's own clock is used.

create function hearth_now() returns timestamptz language sql stable as $$
  select coalesce(nullif(current_setting('hearth.now', true), '')::timestamptz, now())
$$;

create table record_history (
  council_id uuid not null,
  table_name text not null,
  -- The row's id; null only for rows keyed otherwise (assessment factors).
  record_id uuid,
  -- The child the row is about, so that a child's record can be read as known at an instant by its index.
  child_id uuid,
  version_row jsonb not null,
  recorded_at timestamptz not null,
  superseded_at timestamptz not null,
  superseded_by uuid,
  reason text
);
create index record_history_child on record_history (council_id, child_id, table_name, superseded_at);
create index record_history_record on record_history (council_id, table_name, record_id, superseded_at);

-- Rule: record history is append-only, like the audit log.
create function record_history_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'Record history is append-only: % is not allowed on record_history', tg_op
    using errcode = 'insufficient_privilege';
end
$$;
create trigger record_history_no_update_or_delete before update or delete on record_history
  for each row execute function record_history_is_append_only();

-- Rule: a change keeps the version it replaces; nothing of the record is deleted.
create function keep_record_history() returns trigger language plpgsql as $$
declare
  was jsonb;
begin
  if tg_op = 'DELETE' then
    raise exception 'A child''s record keeps its history: rows of % are never deleted; record an end or a correction', tg_table_name
      using errcode = 'insufficient_privilege';
  end if;
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
  return new;
end
$$;

do $$
declare
  record_table text;
begin
  foreach record_table in array array[
    'children', 'child_addresses', 'people', 'child_relationships', 'child_flags', 'allocations', 'contacts',
    'episodes', 'assessments', 'assessment_factors', 'strategy_discussions', 'section47_enquiries',
    'initial_conferences', 'cp_plans', 'cp_core_groups', 'cp_review_conferences', 'cin_plans', 'cin_plan_reviews',
    'care_periods', 'legal_statuses', 'placements', 'cla_reviews', 'child_visits', 'health_assessments',
    'personal_education_plans', 'missing_episodes', 'care_leaver_statuses', 'pathway_plans',
    'pathway_plan_reviews', 'care_leaver_contacts'
  ] loop
    execute format('alter table %I add column recorded_at timestamptz', record_table);
    -- A row was recorded when it was last changed, or else made; assessment factors, which have no time of
    -- their own, with their assessment.
    if record_table = 'assessment_factors' then
      update assessment_factors f set recorded_at = a.created_at
        from assessments a where a.council_id = f.council_id and a.id = f.assessment_id;
    elsif exists (select 1 from information_schema.columns
                  where table_name = record_table and column_name = 'updated_at') then
      execute format('update %I set recorded_at = updated_at', record_table);
    else
      execute format('update %I set recorded_at = created_at', record_table);
    end if;
    execute format('update %I set recorded_at = now() where recorded_at is null', record_table);
    execute format('alter table %I alter column recorded_at set default hearth_now(), '
      'alter column recorded_at set not null', record_table);
    execute format(
      'create trigger %I before update or delete on %I for each row execute function keep_record_history()',
      record_table || '_keep_history', record_table);
  end loop;
end
$$;

-- record_versions (children, episodes, assessments) held each change as a list of fields from/to. Each entry
-- becomes the version it replaced: the row as it is now, with every field changed since put back as it was.
insert into record_history
  (council_id, table_name, record_id, child_id, version_row, recorded_at, superseded_at, superseded_by, reason)
select change.council_id, change.record_type, change.record_id,
  (case when change.record_type = 'children' then current_row.row ->> 'id'
        else current_row.row ->> 'child_id' end)::uuid,
  current_row.row
    || coalesce((select jsonb_object_agg(earliest.field, earliest.was)
                 from (select distinct on (field.key) field.key as field, field.value -> 'from' as was
                       from record_versions later, jsonb_each(later.changes) field
                       where later.council_id = change.council_id and later.record_type = change.record_type
                         and later.record_id = change.record_id and later.version >= change.version
                       order by field.key, later.version) earliest), '{}'::jsonb)
    || jsonb_build_object('version', change.version - 1),
  coalesce((select previous.changed_at from record_versions previous
            where previous.council_id = change.council_id and previous.record_type = change.record_type
              and previous.record_id = change.record_id and previous.version = change.version - 1),
           (current_row.row ->> 'created_at')::timestamptz),
  change.changed_at, change.changed_by, change.reason
from record_versions change
cross join lateral (
  select to_jsonb(c) as row from children c
    where change.record_type = 'children' and c.council_id = change.council_id and c.id = change.record_id
  union all
  select to_jsonb(e) from episodes e
    where change.record_type = 'episodes' and e.council_id = change.council_id and e.id = change.record_id
  union all
  select to_jsonb(a) from assessments a
    where change.record_type = 'assessments' and a.council_id = change.council_id and a.id = change.record_id
) current_row;

drop trigger record_versions_no_update_or_delete on record_versions;
drop table record_versions;
drop function record_versions_are_append_only();

-- Placements and legal statuses had columns of their own for a superseded row, which nothing ever set: a
-- correction is now a change whose earlier version record_history keeps.
do $$
begin
  if exists (select 1 from placements where superseded_at is not null)
     or exists (select 1 from legal_statuses where superseded_at is not null) then
    raise exception 'Superseded placements or legal statuses found: move them to record_history first';
  end if;
end
$$;
alter table placements drop column superseded_at, drop column superseded_by, drop column correction_reason;
alter table legal_statuses drop column superseded_at, drop column superseded_by, drop column correction_reason;
