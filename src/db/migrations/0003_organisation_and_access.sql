-- The organisation that access to children's records depends on: teams, workers and their memberships,
-- sign-ins, a minimal child, allocations, restricted-record lists and audit samples.
-- Keys that join tables include council_id (DESIGN.md, Scale).

alter table councils add constraint councils_id_council unique (id);

create table teams (
  council_id uuid not null references councils (id),
  id uuid not null,
  name text not null check (length(trim(name)) > 0),
  kind text not null check (kind in ('assessment', 'child-in-need', 'child-protection', 'children-in-care',
    'care-experienced', 'mash', 'disabled-children', 'fostering', 'adoption', 'early-help')),
  caseload_target integer check (caseload_target between 0 and 200),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  primary key (council_id, id),
  unique (council_id, name)
);

create table workers (
  council_id uuid not null references councils (id),
  id uuid not null,
  given_name text not null,
  family_name text not null,
  role text not null check (role in ('social-worker', 'personal-adviser', 'team-manager',
    'independent-reviewing-officer', 'service-manager', 'director', 'performance-analyst', 'auditor',
    'administrator')),
  contract text not null default 'permanent' check (contract in ('permanent', 'agency', 'locum', 'fixed-term', 'student')),
  fte numeric(3, 2) not null default 1.00 check (fte > 0 and fte <= 1),
  started_on date,
  left_on date,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  primary key (council_id, id),
  check (left_on is null or started_on is null or left_on >= started_on)
);

-- A worker's membership of a team, dated; a manager's membership gives sight of the team's children.
create table team_memberships (
  council_id uuid not null,
  id uuid not null,
  team_id uuid not null,
  worker_id uuid not null,
  manages boolean not null default false,
  from_date date not null,
  to_date date,
  primary key (council_id, id),
  foreign key (council_id, team_id) references teams (council_id, id),
  foreign key (council_id, worker_id) references workers (council_id, id),
  check (to_date is null or to_date >= from_date)
);
create index team_memberships_worker on team_memberships (council_id, worker_id);
create index team_memberships_team on team_memberships (council_id, team_id);

-- A sign-in. Email is unique across councils because a person signs in before Hearth knows their council.
create table users (
  council_id uuid not null,
  id uuid not null,
  worker_id uuid not null,
  email text not null check (email = lower(email) and email like '%_@_%'),
  password_hash text not null,
  failed_sign_ins integer not null default 0,
  locked_until timestamptz,
  disabled_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (council_id, id),
  unique (council_id, worker_id),
  foreign key (council_id, worker_id) references workers (council_id, id)
);
create unique index users_email on users (email);

-- Server-side sessions. The id is an HMAC of the cookie's token, so a copy of this table signs nobody in.
create table sessions (
  council_id uuid not null,
  id text not null,
  user_id uuid not null,
  csrf_token text not null,
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  ended_at timestamptz,
  primary key (id),
  foreign key (council_id, user_id) references users (council_id, id)
);
create index sessions_user on sessions (council_id, user_id);

-- Tokens for integrators, sent as `Authorization: Bearer`; only their SHA-256 is kept.
create table api_tokens (
  council_id uuid not null,
  id uuid not null,
  user_id uuid not null,
  name text not null check (length(trim(name)) > 0),
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  primary key (council_id, id),
  unique (council_id, user_id, name),
  foreign key (council_id, user_id) references users (council_id, id)
);

-- The minimal child that access depends on; the full record comes with the child's record feature.
create table children (
  council_id uuid not null,
  id uuid not null,
  local_id text not null check (length(trim(local_id)) > 0),
  given_name text not null,
  family_name text not null,
  date_of_birth date,
  -- A restricted child exists only for the people on child_access_lists.
  restricted boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (council_id, id),
  foreign key (council_id) references councils (id),
  unique (council_id, local_id)
);

create table child_access_lists (
  council_id uuid not null,
  child_id uuid not null,
  worker_id uuid not null,
  added_at timestamptz not null default now(),
  primary key (council_id, child_id, worker_id),
  foreign key (council_id, child_id) references children (council_id, id),
  foreign key (council_id, worker_id) references workers (council_id, id)
);

-- Who works with a child, in what capacity, from and to.
create table allocations (
  council_id uuid not null,
  id uuid not null,
  child_id uuid not null,
  worker_id uuid not null,
  case_role text not null check (case_role in ('allocated-worker', 'personal-adviser',
    'independent-reviewing-officer', 'co-worker', 'cover')),
  from_date date not null,
  to_date date,
  reason text,
  created_at timestamptz not null default now(),
  primary key (council_id, id),
  foreign key (council_id, child_id) references children (council_id, id),
  foreign key (council_id, worker_id) references workers (council_id, id),
  check (to_date is null or to_date >= from_date)
);
create index allocations_worker on allocations (council_id, worker_id);
create index allocations_child on allocations (council_id, child_id);

-- An auditor reads the children of their own samples, and no others.
create table audit_samples (
  council_id uuid not null,
  id uuid not null,
  auditor_id uuid not null,
  name text not null,
  created_at timestamptz not null default now(),
  primary key (council_id, id),
  foreign key (council_id, auditor_id) references workers (council_id, id)
);
create table audit_sample_children (
  council_id uuid not null,
  sample_id uuid not null,
  child_id uuid not null,
  primary key (council_id, sample_id, child_id),
  foreign key (council_id, sample_id) references audit_samples (council_id, id),
  foreign key (council_id, child_id) references children (council_id, id)
);

-- Break-glass: access to one child for the rest of one session, with the reason given.
create table break_glass_grants (
  council_id uuid not null,
  id uuid not null,
  session_id text not null references sessions (id),
  user_id uuid not null,
  child_id uuid not null,
  reason text not null check (length(trim(reason)) >= 10),
  granted_at timestamptz not null,
  reviewed_by uuid,
  reviewed_at timestamptz,
  primary key (council_id, id),
  foreign key (council_id, child_id) references children (council_id, id),
  foreign key (council_id, user_id) references users (council_id, id)
);
create index break_glass_session on break_glass_grants (session_id, child_id);

-- What a person had typed into a form when their session ran out, kept for them until they sign in again.
create table form_stashes (
  council_id uuid not null,
  id text not null,
  user_id uuid not null,
  return_to text not null,
  fields jsonb not null,
  created_at timestamptz not null,
  primary key (id),
  foreign key (council_id, user_id) references users (council_id, id)
);

-- Every version of a structured record: who changed which fields from what to what, when and why.
-- Append-only like the audit log; together with the record's `version` it gives optimistic concurrency.
create table record_versions (
  council_id uuid not null,
  record_type text not null,
  record_id uuid not null,
  version integer not null,
  changed_at timestamptz not null,
  changed_by uuid,
  reason text,
  changes jsonb not null,
  primary key (council_id, record_type, record_id, version)
);

create function record_versions_are_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'Record history is append-only: % is not allowed on record_versions', tg_op
    using errcode = 'insufficient_privilege';
end
$$;
create trigger record_versions_no_update_or_delete before update or delete on record_versions
  for each row execute function record_versions_are_append_only();
