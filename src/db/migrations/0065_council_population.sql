-- The council's children aged 0 to 17, from the ONS mid-year population estimates, loaded by `hearth import
-- population`: the denominator of the rates per 10,000 children the DfE publishes for referrals, section 47
-- enquiries, child protection plans and children looked after (issue 20). One figure per mid-year; loading a
-- revised estimate for a year replaces the figure (the ONS revises back years), so it keeps when it was loaded.
create table council_population (
  council_id uuid not null references councils (id),
  -- The estimate's mid-year: 2025 is the population at 30 June 2025.
  mid_year integer not null check (mid_year between 1971 and 2200),
  -- The GSS code of the area the figure is for (the council's own area).
  area_code text not null,
  children_0_to_17 integer not null check (children_0_to_17 > 0),
  -- The file it came from, as the person who loaded it named it.
  source text not null,
  loaded_at timestamptz not null default now(),
  primary key (council_id, mid_year)
);
