-- The workforce measures page's figures, kept (issue 21, part 3): twelve quarter ends, each worked out from every
-- worker, post, holding, sickness absence and the allocations on that day, took 0.3–0.6 s on the small demo
-- council at load 12 and grows with the council; the page should answer within 300 ms. A day's measures depend
-- only on those records and the day (ADR 9: derived figures are kept, never the only copy of a fact).
--
-- Rule: kept figures are read only while nothing they were worked out from has changed since. Every statement
-- that writes workers, posts, post_holders, worker_absences or allocations moves its council's generation on, in
-- the writing transaction; figures are kept with the generation read before their records were, so figures
-- worked out while a change was being made are never read as current.
create table workforce_measure_inputs (
  council_id uuid not null references councils (id),
  generation bigint not null default 1,
  primary key (council_id)
);

create table workforce_measure_days (
  council_id uuid not null references councils (id),
  day date not null,
  generation bigint not null,
  measures jsonb not null,
  kept_at timestamptz not null,
  primary key (council_id, day)
);

create function workforce_measure_inputs_changed() returns trigger language plpgsql as $$
begin
  insert into workforce_measure_inputs (council_id, generation)
    select distinct council_id, 2 from changed
  on conflict (council_id) do update set generation = workforce_measure_inputs.generation + 1;
  return null;
end
$$;

do $$
declare
  input_table text;
begin
  foreach input_table in array array['workers', 'posts', 'post_holders', 'worker_absences', 'allocations'] loop
    execute format('create trigger %I after insert on %I referencing new table as changed
      for each statement execute function workforce_measure_inputs_changed()', input_table || '_measures_ins', input_table);
    execute format('create trigger %I after update on %I referencing new table as changed
      for each statement execute function workforce_measure_inputs_changed()', input_table || '_measures_upd', input_table);
    execute format('create trigger %I after delete on %I referencing old table as changed
      for each statement execute function workforce_measure_inputs_changed()', input_table || '_measures_del', input_table);
  end loop;
end
$$;
