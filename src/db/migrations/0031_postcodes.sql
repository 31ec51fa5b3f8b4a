-- The ONS Postcode Directory, loaded by `hearth import postcodes`: reference data shared by every council (the one
-- kind of table without council_id), for a placement's distance from home and whether it is in the council's area.
create table postcodes (
  -- Without spaces, in capitals: "DA11AA".
  postcode text primary key check (postcode = upper(replace(postcode, ' ', ''))),
  -- The GSS code of the local authority district it lies in.
  gss_code text not null,
  easting integer,
  northing integer
);
