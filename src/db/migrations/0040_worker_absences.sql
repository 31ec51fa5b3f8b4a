-- Leave and sickness: the days a worker is away. A manager records it so that team caseloads show who is away and
-- which of their children have cover (cover itself is an allocation in the case role 'cover', migration 0003).
-- Only the kind of absence is kept, never a medical reason: sickness details are the worker's own health data.
create table worker_absences (
  council_id uuid not null,
  id uuid not null,
  worker_id uuid not null,
  kind text not null check (kind in ('annual-leave', 'sickness', 'parental-leave', 'training', 'other-leave')),
  from_date date not null,
  -- Null while the return is not known (sickness, most often).
  to_date date,
  recorded_by uuid,
  created_at timestamptz not null default now(),
  primary key (council_id, id),
  foreign key (council_id, worker_id) references workers (council_id, id),
  foreign key (council_id, recorded_by) references workers (council_id, id),
  check (to_date is null or to_date >= from_date)
);
create index worker_absences_worker on worker_absences (council_id, worker_id, from_date);
