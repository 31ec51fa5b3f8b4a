-- How the service is doing, kept (issue 20).
--
-- 1. The figures of a whole quarter that has closed, as Hearth knew them at `known_at`, so the dashboard does not
--    work out eight quarters on every request (ADR 9: derived facts are stored, never worked out on a GET). They
--    are worked out again only when a change recorded since `known_at` alters the record as it stood at the end of
--    the period (a correction), or the workers, population or calendar they were computed with have changed
--    (`inputs`, a digest). A past quarter's figure therefore does not move unless a correction was recorded.
create table indicator_figures (
  council_id uuid not null references councils (id),
  period_start date not null,
  period_end date not null,
  known_at timestamptz not null,
  inputs text not null,
  -- Every indicator's figure, with the children behind it, and the population used for rates.
  figures jsonb not null,
  primary key (council_id, period_start, period_end)
);

-- What has been recorded since an instant, found by index: the tables the indicators read, and the kept versions.
create index record_history_superseded on record_history (council_id, superseded_at);
do $$
declare
  record_table text;
begin
  foreach record_table in array array[
    'children', 'contacts', 'episodes', 'assessments', 'strategy_discussions', 'section47_enquiries',
    'initial_conferences', 'cp_plans', 'care_periods', 'legal_statuses', 'placements', 'missing_episodes',
    'care_leaver_contacts', 'allocations'
  ] loop
    execute format('create index %I on %I (council_id, recorded_at)', record_table || '_recorded', record_table);
  end loop;
end
$$;

-- 2. A committee report on a period: the title block, and what its author writes and Hearth keeps (the figures
--    themselves are never stored here: they are read afresh, so they equal the dashboard's).
create table committee_reports (
  council_id uuid not null references councils (id),
  period_start date not null,
  period_end date not null,
  committee text not null default '' check (length(committee) <= 200),
  meeting_date date,
  author text not null default '' check (length(author) <= 200),
  -- Public, or exempt under a paragraph (1 to 7) of Schedule 12A to the Local Government Act 1972.
  classification text not null default 'public' check (classification in ('public', 'exempt')),
  exempt_paragraph integer check (exempt_paragraph between 1 and 7),
  summary text not null default '' check (length(summary) <= 5000),
  recommendations text not null default '' check (length(recommendations) <= 5000),
  -- The author's commentary on each theme, by theme, and each implication (financial, legal…), by kind.
  commentary jsonb not null default '{}',
  implications jsonb not null default '{}',
  -- The appendix not for publication, and the roles that may see it.
  exempt_appendix text not null default '' check (length(exempt_appendix) <= 20000),
  exempt_appendix_roles text[] not null default '{}',
  updated_at timestamptz not null default now(),
  updated_by uuid,
  check (classification = 'public' or exempt_paragraph is not null),
  primary key (council_id, period_start, period_end)
);

-- 3. The DfE's published figures for England, regions and councils (Explore Education Statistics' underlying data,
--    keyed by the area's code and the time period), loaded by `hearth import comparators`, and the council's ten
--    statistical neighbours (reference data, by new LA code).
create table comparator_figures (
  council_id uuid not null references councils (id),
  indicator_id text not null,
  -- The publication's time period as it writes it (202425 for 2024–25), and the last day it ends on.
  time_period text not null,
  period_end date not null,
  geographic_level text not null check (geographic_level in ('National', 'Regional', 'Local authority')),
  area_code text not null,
  area_name text not null,
  -- A council's region, so that its region's figure can be found.
  region_code text,
  value numeric not null,
  source text not null,
  loaded_at timestamptz not null default now(),
  primary key (council_id, indicator_id, time_period, area_code)
);

create table statistical_neighbours (
  council_id uuid not null references councils (id),
  la_code text not null,
  neighbour_code text not null,
  neighbour_name text not null,
  closeness integer not null check (closeness between 1 and 10),
  primary key (council_id, la_code, neighbour_code)
);
