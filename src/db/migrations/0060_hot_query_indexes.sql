-- Indexes for the hot list and figure queries, chosen from their plans on the large demo council (issue 23 part
-- 4; the plans are kept in docs/plans/ so that a change shows in review).

-- A worker's current allocations (My caseload, team caseloads, search by worker, the worker's obligations): the
-- index by worker alone read every allocation the worker ever had (14,060 rows for 35 current children, 179 ms)
-- and filtered them. With the end date in the index, "not ended before today" (`to_date is null or to_date >=
-- today`) is two short ranges of it.
create index allocations_worker_current on allocations (council_id, worker_id, to_date)
  include (child_id, from_date, case_role);

-- Each child's current case holder (the team and service timescale views, their drill-downs, the child in need
-- tracker): the case-holding allocations that have not ended, without reading the rest.
create index allocations_case_holders on allocations (council_id, to_date)
  include (child_id, worker_id, from_date, id)
  where case_role in ('allocated-worker', 'personal-adviser');

-- Open obligations by due date (overdue, due this week, the reminders, the tracker's next due), with what the
-- figures and lists need, so they are read from the index alone. It replaces migration 0030's index, which did
-- not leave out the missed ones.
drop index child_obligations_open;
create index child_obligations_open on child_obligations (council_id, due_by)
  include (child_id, kind, counted_from)
  where met_on is null and not lapsed and not missed;

-- Obligations by due date with what the year's figures count (done on time, due this year), read from the index
-- alone. It replaces migration 0032's index.
drop index child_obligations_due_by;
create index child_obligations_due_by on child_obligations (council_id, due_by)
  include (child_id, kind, met_on, lapsed, missed, counted_from);
