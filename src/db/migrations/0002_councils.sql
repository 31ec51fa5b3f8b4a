-- A council is the tenant: every other table carries council_id, and every key that joins tables includes it
-- (DESIGN.md, Scale), so one database can hold several councils and each test makes its own.
create table councils (
  id uuid primary key,
  name text not null check (length(trim(name)) > 0),
  -- The DfE's three-digit local authority code (SSDA903 LA), when known.
  dfe_code text check (dfe_code ~ '^[0-9]{3}$'),
  -- The ONS GSS code of the local authority (E06…, E08…, E09…, E10…).
  gss_code text check (gss_code ~ '^[EW][0-9]{8}$'),
  created_at timestamptz not null default now()
);
