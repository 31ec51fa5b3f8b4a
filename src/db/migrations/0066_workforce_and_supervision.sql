-- The workforce and its supervision (issue 21): supervision linked to the children discussed, one list of
-- actions, the staff record a census needs, and established posts.

-- Part 4. A supervision: one-to-one (a supervisor and a supervisee) or group case supervision (a facilitator and
-- attendees, who may be partners such as school and health colleagues). The worker's wellbeing, workload and
-- learning belong to the one-to-one only; they are the supervisee's own and are shown only to the supervisor, the
-- supervisee and the supervisee's line managers (the service checks it; nothing of it is written to the audit).
create table supervisions (
  council_id uuid not null references councils (id),
  id uuid not null,
  kind text not null check (kind in ('one-to-one', 'group')),
  held_on date not null,
  minutes integer check (minutes between 1 and 600),
  supervisor_id uuid not null,
  supervisee_id uuid,
  wellbeing text,
  workload text,
  learning text,
  recorded_by uuid not null,
  created_at timestamptz not null default now(),
  primary key (council_id, id),
  foreign key (council_id, supervisor_id) references workers (council_id, id),
  foreign key (council_id, supervisee_id) references workers (council_id, id),
  foreign key (council_id, recorded_by) references workers (council_id, id),
  -- Rule: a one-to-one has a supervisee other than the supervisor; a group has none and no personal part.
  check ((kind = 'one-to-one' and supervisee_id is not null and supervisee_id <> supervisor_id)
    or (kind = 'group' and supervisee_id is null and wellbeing is null and workload is null and learning is null))
);
create index supervisions_supervisee on supervisions (council_id, supervisee_id, held_on);
create index supervisions_supervisor on supervisions (council_id, supervisor_id, held_on);

-- Who attended a group supervision: a worker of the council, or a partner named with their organisation.
create table supervision_attendees (
  council_id uuid not null,
  id uuid not null,
  supervision_id uuid not null,
  worker_id uuid,
  partner_name text check (length(trim(partner_name)) > 0),
  partner_organisation text,
  partner_role text check (partner_role in ('school', 'health', 'police', 'housing', 'early-help', 'other')),
  primary key (council_id, id),
  foreign key (council_id, supervision_id) references supervisions (council_id, id),
  foreign key (council_id, worker_id) references workers (council_id, id),
  -- Rule: exactly one of a worker and a partner.
  check ((worker_id is null) <> (partner_name is null)),
  check (partner_name is not null or (partner_organisation is null and partner_role is null))
);
create index supervision_attendees_supervision on supervision_attendees (council_id, supervision_id);
create index supervision_attendees_worker on supervision_attendees (council_id, worker_id) where worker_id is not null;

-- The child's part of a supervision: part of the child's record, so it keeps its history (migration 0050) and the
-- chronology tells it. `discussed_on` is the supervision's date, kept on the row as the record's valid time.
create table supervision_discussions (
  council_id uuid not null,
  id uuid not null,
  supervision_id uuid not null,
  child_id uuid not null,
  discussed_on date not null,
  discussion text not null check (length(trim(discussion)) > 0),
  -- The social GRACES the reflection turned to (Burnham): gender, geography, race, religion, age, ability, ...
  graces text[] not null default '{}',
  reflective_model text check (reflective_model in ('kolb', 'gibbs', 'four-by-four-by-four')),
  reflection text,
  decisions text,
  recorded_by uuid not null,
  created_at timestamptz not null default now(),
  recorded_at timestamptz not null default hearth_now(),
  primary key (council_id, id),
  unique (council_id, supervision_id, child_id),
  foreign key (council_id, supervision_id) references supervisions (council_id, id),
  foreign key (council_id, child_id) references children (council_id, id),
  foreign key (council_id, recorded_by) references workers (council_id, id)
);
create index supervision_discussions_child on supervision_discussions (council_id, child_id, discussed_on);
create trigger supervision_discussions_keep_history before update or delete on supervision_discussions
  for each row execute function keep_record_history();

-- Part 5. One list of actions, whatever gave rise to them (supervision now; audits and plans later): what, whose,
-- by when, its status, and the child if any. An action is closed, never deleted.
create table actions (
  council_id uuid not null,
  id uuid not null,
  source text not null check (source in ('supervision')),
  supervision_id uuid,
  child_id uuid,
  description text not null check (length(trim(description)) > 0),
  owner_id uuid not null,
  due_on date not null,
  status text not null default 'open' check (status in ('open', 'done', 'dropped')),
  closed_on date,
  closed_by uuid,
  created_by uuid not null,
  created_at timestamptz not null default now(),
  primary key (council_id, id),
  foreign key (council_id, supervision_id) references supervisions (council_id, id),
  foreign key (council_id, child_id) references children (council_id, id),
  foreign key (council_id, owner_id) references workers (council_id, id),
  foreign key (council_id, closed_by) references workers (council_id, id),
  foreign key (council_id, created_by) references workers (council_id, id),
  check (source <> 'supervision' or supervision_id is not null),
  -- Rule: an open action has no closing day; a closed one has it.
  check ((status = 'open') = (closed_on is null))
);
create index actions_owner_open on actions (council_id, owner_id, due_on) where status = 'open';
create index actions_child on actions (council_id, child_id) where child_id is not null;

create function actions_are_kept() returns trigger language plpgsql as $$
begin
  raise exception 'An action is closed, never deleted' using errcode = 'insufficient_privilege';
end
$$;
create trigger actions_no_delete before delete on actions for each row execute function actions_are_kept();
create trigger supervisions_no_delete before delete on supervisions for each row execute function actions_are_kept();

-- Part 1. The staff record a workforce census needs (DfE children's social work workforce census): the job (apart
-- from `role`, which is what the person may do in Hearth), Social Work England registration, why they left, and
-- the assessed and supported year in employment.
alter table workers add column job text check (job in ('social-worker', 'advanced-practitioner',
  'senior-practitioner', 'personal-adviser', 'family-support-worker', 'student', 'team-manager',
  'reviewing-officer', 'service-manager', 'other'));
alter table workers add column swe_number text check (swe_number ~ '^SW[0-9]{1,7}$');
alter table workers add column swe_expires_on date;
alter table workers add column leaving_reason text check (leaving_reason in ('resigned', 'retired',
  'end-of-contract', 'dismissed', 'moved-within-council', 'other'));
alter table workers add column asye_started_on date;
alter table workers add column asye_completed_on date;
alter table workers add constraint workers_leaving_reason_when_left check (leaving_reason is null or left_on is not null);
alter table workers add constraint workers_asye_order
  check (asye_completed_on is null or (asye_started_on is not null and asye_completed_on >= asye_started_on));
create unique index workers_swe_number on workers (council_id, swe_number) where swe_number is not null;

-- Established posts: the council's funded posts in a team, each with its FTE, from a date and, once
-- disestablished, to one. Who holds a post, and when, is dated; a post nobody holds on a day is vacant.
create table posts (
  council_id uuid not null,
  id uuid not null,
  team_id uuid not null,
  title text not null check (length(trim(title)) > 0),
  job text not null check (job in ('social-worker', 'advanced-practitioner', 'senior-practitioner',
    'personal-adviser', 'family-support-worker', 'student', 'team-manager', 'reviewing-officer',
    'service-manager', 'other')),
  fte numeric(3, 2) not null default 1.00 check (fte > 0 and fte <= 1),
  from_date date not null,
  to_date date,
  created_at timestamptz not null default now(),
  primary key (council_id, id),
  foreign key (council_id, team_id) references teams (council_id, id),
  check (to_date is null or to_date >= from_date)
);
create index posts_team on posts (council_id, team_id);

create table post_holders (
  council_id uuid not null,
  id uuid not null,
  post_id uuid not null,
  worker_id uuid not null,
  from_date date not null,
  to_date date,
  primary key (council_id, id),
  foreign key (council_id, post_id) references posts (council_id, id),
  foreign key (council_id, worker_id) references workers (council_id, id),
  check (to_date is null or to_date >= from_date)
);
create index post_holders_post on post_holders (council_id, post_id);
create index post_holders_worker on post_holders (council_id, worker_id);
