-- Past returns loaded into the record (issue 19, part 1): each import, the files it read and its report, and for
-- every fact it wrote the file and row it came from, so that an imported fact is marked as imported and a fix the
-- import made (an episode closed by the next year's return, a duplicate kept once, an overlap trimmed) is kept
-- beside the fact with its reason.
create table record_imports (
  council_id uuid not null references councils (id),
  id uuid not null primary key,
  kind text not null check (kind in ('ssda903', 'cin')),
  files jsonb not null,
  imported_by text not null,
  imported_at timestamptz not null,
  counts jsonb not null,
  problems jsonb not null,
  fixes jsonb not null
);

create table imported_facts (
  council_id uuid not null references councils (id),
  fact_table text not null,
  fact_id uuid not null,
  import_id uuid not null references record_imports (id),
  source_file text not null,
  source_row integer,
  -- What the import changed in the return's figures to make it one record, and why; null when it took it as it was.
  fix text,
  primary key (fact_table, fact_id)
);

create index imported_facts_by_import on imported_facts (import_id);
