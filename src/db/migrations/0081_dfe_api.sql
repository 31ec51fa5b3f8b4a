-- The DfE's children's social care daily API (issue 19, part 4). Hearth keeps, for each child it has sent, the
-- document it last delivered and its hash, so that the next run sends only the children whose document changed
-- (as a partial document) and a purge for a child who has left the cohort; and each run and each submission to
-- the DfE's endpoint with the response it gave, so that what left the council can be accounted for.
create table dfe_api_runs (
  council_id uuid not null references councils (id),
  id uuid not null primary key,
  -- The instant the record was read at: the next run looks for what was recorded after it.
  known_at timestamptz not null,
  window_from date not null,
  window_to date not null,
  -- Whether the documents went to the DfE's endpoint (true) or were only written to files (false).
  sent boolean not null,
  counts jsonb not null,
  finished_at timestamptz not null
);

create index dfe_api_runs_latest on dfe_api_runs (council_id, known_at desc);

-- Not a table of the child's record (it is what was sent from it), so it keeps no history: a row is replaced by
-- the next document delivered. No reference to children: a child removed from Hearth must still be purged.
create table dfe_api_children (
  council_id uuid not null references councils (id),
  child_id uuid not null,
  la_child_id text not null,
  document_hash text not null,
  document jsonb not null,
  -- True once the child's purge was delivered; a child back in the cohort is sent in full again.
  purged boolean not null default false,
  run_id uuid not null references dfe_api_runs (id),
  delivered_at timestamptz not null,
  primary key (council_id, child_id)
);

create table dfe_api_submissions (
  council_id uuid not null references councils (id),
  id uuid not null primary key,
  run_id uuid not null references dfe_api_runs (id),
  submitted_at timestamptz not null,
  -- The children in the batch, in the order of the documents sent.
  children uuid[] not null,
  attempts integer not null check (attempts >= 1),
  -- The last HTTP status (null when the endpoint could not be reached) and the body it answered with.
  status integer,
  response text not null,
  accepted boolean not null
);

create index dfe_api_submissions_by_run on dfe_api_submissions (run_id);

-- What has been recorded since the last run, found by index: the tables the document is made from that migration
-- 0070 did not index.
create index child_addresses_recorded on child_addresses (council_id, recorded_at);
create index cin_plans_recorded on cin_plans (council_id, recorded_at);
create index adoption_decisions_recorded on adoption_decisions (council_id, recorded_at);
create index care_outcomes_recorded on care_outcomes (council_id, recorded_at);
create index assessment_factors_recorded on assessment_factors (council_id, recorded_at);
