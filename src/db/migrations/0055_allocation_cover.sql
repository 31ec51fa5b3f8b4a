-- Allocation that cannot corrupt the record, and cover for leave and sickness (issue 17, parts 3 and 4).
-- Who made each allocation, so the manager who made it sees the result even when the child has left their view;
-- and, for cover, the absence it covers: cover ends when the absence ends.
alter table allocations add column allocated_by uuid;
alter table allocations add column absence_id uuid;
alter table allocations add constraint allocations_allocated_by
  foreign key (council_id, allocated_by) references workers (council_id, id);
alter table allocations add constraint allocations_absence
  foreign key (council_id, absence_id) references worker_absences (council_id, id);
-- Only cover covers an absence.
alter table allocations add constraint allocations_absence_is_cover
  check (absence_id is null or case_role = 'cover');
create index allocations_absence on allocations (council_id, absence_id) where absence_id is not null;
