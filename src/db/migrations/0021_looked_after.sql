-- Looked after (issue 6, part 2): periods of care with effective-dated legal statuses and placements in the
-- shape of SSDA903 episodes, reviews, visits, health assessments, personal education plans and missing
-- episodes. Care Planning, Placement and Case Review (England) Regulations 2010. Codes are SSDA903 codes,
-- checked against the code lists of the collection year in src/domain/codes.
-- Corrections never rewrite history: a corrected row is marked superseded (who, when, why) and a new row
-- takes its place; rows are never deleted.

create table care_periods (
  council_id uuid not null,
  id uuid not null,
  child_id uuid not null,
  episode_id uuid not null,
  start_date date not null,
  end_date date,
  -- SSDA903 REC: reason episode ceased, for the last episode of the period.
  reason_ceased text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (council_id, id),
  foreign key (council_id, child_id) references children (council_id, id),
  foreign key (council_id, episode_id) references episodes (council_id, id),
  check ((end_date is null) = (reason_ceased is null)),
  check (end_date is null or end_date >= start_date)
);
-- Rule: one open period of care per child. Closed periods must not overlap either: the service checks it
-- with the child's row locked.
create unique index care_periods_one_open_per_child on care_periods (council_id, child_id) where end_date is null;

create table legal_statuses (
  council_id uuid not null,
  id uuid not null,
  care_period_id uuid not null,
  child_id uuid not null,
  -- SSDA903 LS.
  code text not null,
  from_date date not null,
  to_date date,
  superseded_at timestamptz,
  superseded_by uuid,
  correction_reason text,
  recorded_by uuid not null,
  created_at timestamptz not null default now(),
  primary key (council_id, id),
  foreign key (council_id, care_period_id) references care_periods (council_id, id),
  check (to_date is null or to_date >= from_date)
);
create index legal_statuses_period on legal_statuses (council_id, care_period_id, from_date);

create table placements (
  council_id uuid not null,
  id uuid not null,
  care_period_id uuid not null,
  child_id uuid not null,
  start_date date not null,
  end_date date,
  -- SSDA903 PLACE, PLACE_PROVIDER and REASON_PLACE_CHANGE (given when the placement ends).
  place text not null,
  provider text not null,
  postcode text,
  home_postcode text,
  in_area boolean,
  distance_miles numeric(6, 1),
  urn text,
  unregistered boolean not null default false,
  long_term_agreed boolean not null default false,
  change_reason text,
  superseded_at timestamptz,
  superseded_by uuid,
  correction_reason text,
  recorded_by uuid not null,
  created_at timestamptz not null default now(),
  primary key (council_id, id),
  foreign key (council_id, care_period_id) references care_periods (council_id, id),
  check (end_date is null or end_date >= start_date)
);
create index placements_period on placements (council_id, care_period_id, start_date);

create table cla_reviews (
  council_id uuid not null,
  id uuid not null,
  care_period_id uuid not null,
  child_id uuid not null,
  held_on date not null,
  iro_worker_id uuid,
  -- SSDA903 REVIEW_CODE: the child's participation, PN0–PN7.
  participation text not null,
  recorded_by uuid not null,
  created_at timestamptz not null default now(),
  primary key (council_id, id),
  foreign key (council_id, care_period_id) references care_periods (council_id, id),
  foreign key (council_id, iro_worker_id) references workers (council_id, id)
);

-- Statutory visits (reg. 28), and the other visits a child in need or on a plan has by local standard.
create table child_visits (
  council_id uuid not null,
  id uuid not null,
  child_id uuid not null,
  visited_on date not null,
  seen boolean not null,
  seen_alone boolean,
  bedroom_seen boolean,
  wishes_and_feelings text,
  recorded_by uuid not null,
  created_at timestamptz not null default now(),
  primary key (council_id, id),
  foreign key (council_id, child_id) references children (council_id, id),
  check (seen or (seen_alone is not true and bedroom_seen is not true))
);
create index child_visits_child on child_visits (council_id, child_id, visited_on);

create table health_assessments (
  council_id uuid not null,
  id uuid not null,
  child_id uuid not null,
  kind text not null check (kind in ('initial', 'review', 'dental')),
  completed_on date not null,
  recorded_by uuid not null,
  created_at timestamptz not null default now(),
  primary key (council_id, id),
  foreign key (council_id, child_id) references children (council_id, id)
);

create table personal_education_plans (
  council_id uuid not null,
  id uuid not null,
  child_id uuid not null,
  kind text not null check (kind in ('initial', 'review')),
  completed_on date not null,
  recorded_by uuid not null,
  created_at timestamptz not null default now(),
  primary key (council_id, id),
  foreign key (council_id, child_id) references children (council_id, id)
);

create table missing_episodes (
  council_id uuid not null,
  id uuid not null,
  child_id uuid not null,
  -- SSDA903 MISSING: M missing, A away without authorisation.
  kind text not null check (kind in ('M', 'A')),
  started_on date not null,
  ended_on date,
  return_interview_offered boolean,
  return_interview_accepted boolean,
  recorded_by uuid not null,
  created_at timestamptz not null default now(),
  primary key (council_id, id),
  foreign key (council_id, child_id) references children (council_id, id),
  check (ended_on is null or ended_on >= started_on),
  check (return_interview_accepted is not true or return_interview_offered is true)
);
