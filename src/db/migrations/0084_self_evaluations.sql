-- The self-evaluation of social work practice for a financial year (issue 20, part 5), in the shape of Ofsted's
-- ILACS judgement areas: what the author writes in answer to each area's three questions (what do we know about
-- the quality and impact of our practice; how do we know it; what are we doing next), by area and question. The
-- figures are never stored here: they are read afresh, so they equal the dashboard's for the year.
create table self_evaluations (
  council_id uuid not null references councils (id),
  -- The financial year, by the year it starts (2025 is April 2025 to March 2026).
  year integer not null check (year between 2000 and 2200),
  -- {"leadership": {"known": "…", "how": "…", "next": "…"}, "help-and-protection": {…}, …}
  answers jsonb not null default '{}',
  updated_at timestamptz not null default now(),
  updated_by uuid,
  primary key (council_id, year)
);
