-- Care leavers (issue 6, part 3): status, personal adviser, pathway plans and reviews, keep-in-touch contacts
-- with accommodation and activity. Children (Leaving Care) Act 2000; Care Leavers (England) Regulations 2010.

create table care_leaver_statuses (
  council_id uuid not null,
  id uuid not null,
  child_id uuid not null,
  status text not null check (status in ('eligible', 'relevant', 'former-relevant', 'qualifying')),
  from_date date not null,
  to_date date,
  personal_adviser_id uuid,
  recorded_by uuid not null,
  created_at timestamptz not null default now(),
  primary key (council_id, id),
  foreign key (council_id, child_id) references children (council_id, id),
  foreign key (council_id, personal_adviser_id) references workers (council_id, id),
  check (to_date is null or to_date >= from_date)
);
create unique index care_leaver_one_current_status on care_leaver_statuses (council_id, child_id) where to_date is null;

create table pathway_plans (
  council_id uuid not null,
  id uuid not null,
  child_id uuid not null,
  started_on date not null,
  ended_on date,
  recorded_by uuid not null,
  created_at timestamptz not null default now(),
  primary key (council_id, id),
  foreign key (council_id, child_id) references children (council_id, id),
  check (ended_on is null or ended_on >= started_on)
);
create unique index pathway_plans_one_open on pathway_plans (council_id, child_id) where ended_on is null;

create table pathway_plan_reviews (
  council_id uuid not null,
  id uuid not null,
  pathway_plan_id uuid not null,
  child_id uuid not null,
  held_on date not null,
  recorded_by uuid not null,
  created_at timestamptz not null default now(),
  primary key (council_id, id),
  foreign key (council_id, pathway_plan_id) references pathway_plans (council_id, id)
);

create table care_leaver_contacts (
  council_id uuid not null,
  id uuid not null,
  child_id uuid not null,
  contacted_on date not null,
  -- SSDA903 IN_TOUCH, ACCOM and ACTIV codes.
  in_touch text not null,
  accommodation text,
  activity text,
  recorded_by uuid not null,
  created_at timestamptz not null default now(),
  primary key (council_id, id),
  foreign key (council_id, child_id) references children (council_id, id)
);
create index care_leaver_contacts_child on care_leaver_contacts (council_id, child_id, contacted_on);
