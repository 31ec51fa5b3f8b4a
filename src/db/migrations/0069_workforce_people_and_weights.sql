-- The workforce's people and weighted caseloads (issue 21, parts 1, 2 and 7): what a manager needs to know of each
-- worker beyond the census (lead areas, induction, appraisal, training, a student's practice educator), whether a
-- team's managers hold cases, and the council's weights by kind of case.

-- Lead areas are free words a council chooses (unaccompanied minors, gangs); an international recruit's induction
-- runs from its start to its end; appraisal is the last one held and the next one due.
alter table workers add column lead_areas text[] not null default '{}';
alter table workers add column recruited_from text check (length(trim(recruited_from)) > 0);
alter table workers add column induction_started_on date;
alter table workers add column induction_completed_on date;
alter table workers add column appraised_on date;
alter table workers add column appraisal_due_on date;
alter table workers add column practice_educator_id uuid;
alter table workers add constraint workers_practice_educator
  foreign key (council_id, practice_educator_id) references workers (council_id, id);
-- Rule: an induction ends on or after it starts; nobody is their own practice educator.
alter table workers add constraint workers_induction_order
  check (induction_completed_on is null or (induction_started_on is not null
    and induction_completed_on >= induction_started_on));
alter table workers add constraint workers_not_own_educator check (practice_educator_id is distinct from id);

-- The steps of an international recruit's induction, each done on a day (registration first, then the rest).
create table induction_steps (
  council_id uuid not null,
  id uuid not null,
  worker_id uuid not null,
  step text not null check (step in ('swe-registration', 'right-to-work', 'corporate-induction',
    'practice-induction', 'shadowing', 'first-cases', 'probation-review')),
  completed_on date not null,
  primary key (council_id, id),
  unique (council_id, worker_id, step),
  foreign key (council_id, worker_id) references workers (council_id, id)
);

-- Training a worker has done, with its expiry where it has one (safeguarding refreshers, practice educator).
create table training_records (
  council_id uuid not null,
  id uuid not null,
  worker_id uuid not null,
  course text not null check (length(trim(course)) > 0),
  completed_on date not null,
  expires_on date,
  primary key (council_id, id),
  foreign key (council_id, worker_id) references workers (council_id, id),
  check (expires_on is null or expires_on > completed_on)
);
create index training_records_worker on training_records (council_id, worker_id);

-- Managers hold no cases unless their team allows it (an adoption team's manager may hold adoption work).
alter table teams add column managers_hold_cases boolean not null default false;

-- The council's weights by kind of case (part 2); a kind not listed weighs what the domain's defaults say.
create table caseload_weights (
  council_id uuid not null references councils (id),
  kind text not null check (kind in ('child-in-need', 'child-protection', 'child-protection-in-proceedings',
    'looked-after', 'looked-after-in-proceedings', 'care-leaver', 'assessment', 'other')),
  weight numeric(3, 1) not null check (weight > 0 and weight <= 9.9),
  primary key (council_id, kind)
);
