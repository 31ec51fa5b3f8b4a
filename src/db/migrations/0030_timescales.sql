-- Statutory timescales (issue 8): a council's local standards, versioned by the date they take effect; its own
-- closure days; each child's obligations as last worked out (a projection, rebuilt from the record); and each
-- worker's daily reminder list.

create table local_standards (
  council_id uuid not null references councils (id),
  id uuid not null,
  kind text not null check (kind in ('child-in-need-visit', 'child-protection-visit', 'child-in-need-plan-review',
    'supervision')),
  amount integer not null check (amount between 1 and 366),
  unit text not null check (unit in ('working days', 'days', 'weeks', 'months')),
  effective_from date not null,
  source text not null check (length(trim(source)) > 0),
  set_by uuid not null,
  set_at timestamptz not null,
  primary key (council_id, id),
  -- Rule: one standard of a kind takes effect on a given day; a change is a new row from a later date.
  unique (council_id, kind, effective_from)
);

create table council_closure_days (
  council_id uuid not null references councils (id),
  day date not null,
  name text not null,
  primary key (council_id, day)
);

-- Derived from the record by src/domain/timescales: rebuilt for a child when their record changes and for the
-- whole council by the daily job. Whether an unmet obligation is due or overdue is decided when it is read.
create table child_obligations (
  council_id uuid not null,
  child_id uuid not null,
  position integer not null,
  kind text not null,
  due_by date not null,
  met_on date,
  lapsed boolean not null,
  rule text not null,
  source text not null,
  counted_from date not null,
  counted_from_event text not null,
  period text not null,
  skipped jsonb not null,
  refreshed_at timestamptz not null,
  primary key (council_id, child_id, position),
  foreign key (council_id, child_id) references children (council_id, id)
);
create index child_obligations_open on child_obligations (council_id, due_by) where met_on is null and not lapsed;

create table reminder_lists (
  council_id uuid not null,
  worker_id uuid not null,
  built_on date not null,
  due_soon jsonb not null,
  overdue jsonb not null,
  built_at timestamptz not null,
  primary key (council_id, worker_id, built_on),
  foreign key (council_id, worker_id) references workers (council_id, id)
);
