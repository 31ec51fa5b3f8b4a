-- The front door (issue 5, parts 2 and 3): contacts, referrals opening episodes of need, assessments with
-- their factors and the manager's authorisation, and the episode's closure with a DfE reason code.

create table contacts (
  council_id uuid not null,
  id uuid not null,
  child_id uuid not null,
  received_at timestamptz not null,
  -- CIN ReferralSource code (checked against the DfE code list of the collection year).
  source text not null,
  reason text not null check (length(trim(reason)) > 0),
  mash_partners text[] not null default '{}',
  decision text not null check (decision in ('no-further-action', 'information-and-advice', 'early-help',
    'referral')),
  decided_on date not null,
  recorded_by uuid not null,
  created_at timestamptz not null default now(),
  primary key (council_id, id),
  foreign key (council_id, child_id) references children (council_id, id),
  foreign key (council_id, recorded_by) references workers (council_id, id)
);
create index contacts_child on contacts (council_id, child_id, received_at);

-- An episode of need, opened by a referral (CIN census CINdetails) and closed with a reason.
create table episodes (
  council_id uuid not null,
  id uuid not null,
  child_id uuid not null,
  contact_id uuid,
  referral_date date not null,
  referral_source text not null,
  primary_need text not null check (primary_need ~ '^N[0-9]$'),
  re_referral boolean not null,
  no_further_action boolean not null default false,
  closed_on date,
  closure_reason text,
  recorded_by uuid not null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (council_id, id),
  foreign key (council_id, child_id) references children (council_id, id),
  foreign key (council_id, contact_id) references contacts (council_id, id),
  foreign key (council_id, recorded_by) references workers (council_id, id),
  -- A closed episode has its date and its DfE reason; an open one has neither.
  check ((closed_on is null) = (closure_reason is null)),
  check (closed_on is null or closed_on >= referral_date),
  check (not no_further_action or closed_on is not null)
);
-- Rule: a child has at most one open episode of need.
create unique index episodes_one_open_per_child on episodes (council_id, child_id) where closed_on is null;
create index episodes_child on episodes (council_id, child_id, referral_date);

-- A single assessment (Children Act 1989 s17 and/or s47), completed when a manager authorises it.
create table assessments (
  council_id uuid not null,
  id uuid not null,
  episode_id uuid not null,
  child_id uuid not null,
  start_date date not null,
  outcome text check (outcome in ('no-further-action', 'early-help', 'child-in-need-plan', 'strategy-discussion',
    'looked-after', 'other')),
  summary text,
  recorded_by uuid not null,
  authorised_on date,
  authorised_by uuid,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (council_id, id),
  foreign key (council_id, episode_id) references episodes (council_id, id),
  foreign key (council_id, child_id) references children (council_id, id),
  foreign key (council_id, recorded_by) references workers (council_id, id),
  foreign key (council_id, authorised_by) references workers (council_id, id),
  -- Rule: authorised together with who authorised it, never before the assessment started, and with an outcome.
  check ((authorised_on is null) = (authorised_by is null)),
  check (authorised_on is null or (authorised_on >= start_date and outcome is not null))
);
create index assessments_episode on assessments (council_id, episode_id);
create index assessments_child on assessments (council_id, child_id);

-- Factors identified at assessment (CIN AssessmentFactors codes).
create table assessment_factors (
  council_id uuid not null,
  assessment_id uuid not null,
  code text not null,
  primary key (council_id, assessment_id, code),
  foreign key (council_id, assessment_id) references assessments (council_id, id)
);
