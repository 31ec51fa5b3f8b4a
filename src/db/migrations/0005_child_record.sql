-- The child's full record (issue 5, part 1): identity, addresses with their history, family and network,
-- warnings and flags with review dates. Every key that joins tables includes council_id (DESIGN.md, Scale).
-- Codes (sex, ethnicity, disability) are text checked against the DfE code lists in src/domain/codes.

alter table children
  add column other_names text,
  add column expected_date_of_birth date,
  add column sex text check (sex in ('F', 'M', 'U')),
  add column gender text,
  add column ethnicity text,
  add column first_language text,
  add column religion text,
  add column disabilities text[] not null default '{}',
  add column immigration_status text,
  add column uasc boolean not null default false,
  add column education_setting text,
  -- Shapes only: the check characters are checked by src/domain/identifiers before anything is written.
  add column upn text check (upn ~ '^[A-Z][0-9]{11}[0-9A-Z]$'),
  add column nhs_number text check (nhs_number ~ '^[0-9]{10}$');

-- Search by name, tolerant of misspelling: trigram similarity and Double Metaphone keys (fuzzystrmatch).
create index children_given_name_trgm on children using gin (given_name gin_trgm_ops);
create index children_family_name_trgm on children using gin (family_name gin_trgm_ops);
create index children_given_name_metaphone on children (council_id, dmetaphone(given_name));
create index children_family_name_metaphone on children (council_id, dmetaphone(family_name));
create index children_family_name_metaphone_alt on children (council_id, dmetaphone_alt(family_name));
create index children_date_of_birth on children (council_id, date_of_birth);
create index children_upn on children (council_id, upn);
create index children_nhs_number on children (council_id, nhs_number);

-- Where a child has lived: the history is kept, the current address is the one without an end date.
create table child_addresses (
  council_id uuid not null,
  id uuid not null,
  child_id uuid not null,
  line1 text not null check (length(trim(line1)) > 0),
  line2 text,
  town text,
  postcode text,
  from_date date not null,
  to_date date,
  created_at timestamptz not null default now(),
  primary key (council_id, id),
  foreign key (council_id, child_id) references children (council_id, id),
  check (to_date is null or to_date >= from_date)
);
create index child_addresses_child on child_addresses (council_id, child_id);
create index child_addresses_postcode on child_addresses (council_id, (upper(replace(postcode, ' ', ''))));

-- People in the child's family and network: parents, siblings, carers, professionals.
create table people (
  council_id uuid not null,
  id uuid not null,
  given_name text not null,
  family_name text not null,
  date_of_birth date,
  organisation text,
  phone text,
  created_at timestamptz not null default now(),
  primary key (council_id, id),
  foreign key (council_id) references councils (id)
);

-- A person's dated relationship to a child.
create table child_relationships (
  council_id uuid not null,
  id uuid not null,
  child_id uuid not null,
  person_id uuid not null,
  relationship text not null check (relationship in ('mother', 'father', 'parent', 'step-parent', 'sibling',
    'half-sibling', 'grandparent', 'other-relative', 'carer', 'friend', 'professional', 'other')),
  parental_responsibility boolean not null default false,
  from_date date,
  to_date date,
  created_at timestamptz not null default now(),
  primary key (council_id, id),
  foreign key (council_id, child_id) references children (council_id, id),
  foreign key (council_id, person_id) references people (council_id, id),
  check (to_date is null or from_date is null or to_date >= from_date)
);
create index child_relationships_child on child_relationships (council_id, child_id);

-- Warnings and flags: each must be reviewed by a date, so that none outlives its reason unnoticed.
create table child_flags (
  council_id uuid not null,
  id uuid not null,
  child_id uuid not null,
  kind text not null check (kind in ('risk-to-staff', 'risk-to-child', 'missing', 'exploitation',
    'communication-needs', 'court-proceedings', 'other')),
  description text not null check (length(trim(description)) > 0),
  from_date date not null,
  review_date date not null,
  ended_on date,
  created_at timestamptz not null default now(),
  primary key (council_id, id),
  foreign key (council_id, child_id) references children (council_id, id),
  check (review_date >= from_date),
  check (ended_on is null or ended_on >= from_date)
);
create index child_flags_child on child_flags (council_id, child_id);
