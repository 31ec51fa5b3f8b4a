-- Child protection and child in need (issue 6, part 1): strategy discussions, section 47 enquiries, initial
-- child protection conferences, child protection plans with core groups and review conferences, and child in
-- need plans with their reviews. Working Together to Safeguard Children 2023.

create table strategy_discussions (
  council_id uuid not null,
  id uuid not null,
  child_id uuid not null,
  episode_id uuid not null,
  held_on date not null,
  -- The agencies that took part: police, health, education, children's social care...
  attendees text not null check (length(trim(attendees)) > 0),
  outcome text not null check (outcome in ('section-47', 'no-section-47')),
  notes text,
  recorded_by uuid not null,
  created_at timestamptz not null default now(),
  primary key (council_id, id),
  foreign key (council_id, child_id) references children (council_id, id),
  foreign key (council_id, episode_id) references episodes (council_id, id),
  foreign key (council_id, recorded_by) references workers (council_id, id)
);
create index strategy_discussions_child on strategy_discussions (council_id, child_id, held_on);

create table section47_enquiries (
  council_id uuid not null,
  id uuid not null,
  child_id uuid not null,
  episode_id uuid not null,
  strategy_discussion_id uuid not null,
  started_on date not null,
  ended_on date,
  outcome text check (outcome in ('conference', 'no-further-action', 'child-in-need')),
  recorded_by uuid not null,
  created_at timestamptz not null default now(),
  primary key (council_id, id),
  foreign key (council_id, child_id) references children (council_id, id),
  foreign key (council_id, episode_id) references episodes (council_id, id),
  foreign key (council_id, strategy_discussion_id) references strategy_discussions (council_id, id),
  check ((ended_on is null) = (outcome is null)),
  check (ended_on is null or ended_on >= started_on)
);
-- Rule: at most one open section 47 enquiry per child.
create unique index section47_one_open_per_child on section47_enquiries (council_id, child_id) where ended_on is null;

create table initial_conferences (
  council_id uuid not null,
  id uuid not null,
  child_id uuid not null,
  section47_id uuid not null,
  held_on date not null,
  outcome text not null check (outcome in ('child-protection-plan', 'no-plan')),
  -- CIN census InitialCategoryOfAbuse: NEG, PHY, EMO, SAB, MUL.
  category text check (category in ('NEG', 'PHY', 'EMO', 'SAB', 'MUL')),
  recorded_by uuid not null,
  created_at timestamptz not null default now(),
  primary key (council_id, id),
  foreign key (council_id, child_id) references children (council_id, id),
  foreign key (council_id, section47_id) references section47_enquiries (council_id, id),
  -- Rule: a plan has a category of abuse.
  check ((outcome = 'child-protection-plan') = (category is not null))
);

create table cp_plans (
  council_id uuid not null,
  id uuid not null,
  child_id uuid not null,
  episode_id uuid not null,
  -- Rule: every plan comes from an initial conference (a CP plan without an ICPC is refused).
  conference_id uuid not null,
  start_date date not null,
  initial_category text not null check (initial_category in ('NEG', 'PHY', 'EMO', 'SAB', 'MUL')),
  latest_category text not null check (latest_category in ('NEG', 'PHY', 'EMO', 'SAB', 'MUL')),
  end_date date,
  end_reason text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (council_id, id),
  unique (council_id, conference_id),
  foreign key (council_id, child_id) references children (council_id, id),
  foreign key (council_id, episode_id) references episodes (council_id, id),
  foreign key (council_id, conference_id) references initial_conferences (council_id, id),
  check ((end_date is null) = (end_reason is null)),
  check (end_date is null or end_date >= start_date)
);
-- Rule: at most one open child protection plan per child.
create unique index cp_plans_one_open_per_child on cp_plans (council_id, child_id) where end_date is null;

create table cp_core_groups (
  council_id uuid not null,
  id uuid not null,
  cp_plan_id uuid not null,
  child_id uuid not null,
  held_on date not null,
  recorded_by uuid not null,
  created_at timestamptz not null default now(),
  primary key (council_id, id),
  foreign key (council_id, cp_plan_id) references cp_plans (council_id, id)
);

create table cp_review_conferences (
  council_id uuid not null,
  id uuid not null,
  cp_plan_id uuid not null,
  child_id uuid not null,
  held_on date not null,
  recorded_by uuid not null,
  created_at timestamptz not null default now(),
  primary key (council_id, id),
  foreign key (council_id, cp_plan_id) references cp_plans (council_id, id)
);

create table cin_plans (
  council_id uuid not null,
  id uuid not null,
  child_id uuid not null,
  episode_id uuid not null,
  start_date date not null,
  end_date date,
  recorded_by uuid not null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (council_id, id),
  foreign key (council_id, child_id) references children (council_id, id),
  foreign key (council_id, episode_id) references episodes (council_id, id),
  check (end_date is null or end_date >= start_date)
);
create unique index cin_plans_one_open_per_child on cin_plans (council_id, child_id) where end_date is null;

create table cin_plan_reviews (
  council_id uuid not null,
  id uuid not null,
  cin_plan_id uuid not null,
  child_id uuid not null,
  held_on date not null,
  recorded_by uuid not null,
  created_at timestamptz not null default now(),
  primary key (council_id, id),
  foreign key (council_id, cin_plan_id) references cin_plans (council_id, id)
);
