import { sql, type Insertable, type Kysely } from 'kysely';
import type { Tables } from '../../db/schema.ts';

type Db = Kysely<Tables>;

/** A postcode of the ONS directory: the GSS code of its local authority and its grid reference in metres. */
export type DirectoryPostcode = Insertable<Tables['postcodes']>;

/** Adds postcodes to the shared directory, replacing the place of any already there. */
export function upsertPostcodes(db: Db, postcodes: DirectoryPostcode[]) {
  return db
    .insertInto('postcodes')
    .values(postcodes)
    .onConflict((conflict) =>
      conflict.column('postcode').doUpdateSet((eb) => ({
        gss_code: eb.ref('excluded.gss_code'),
        easting: eb.ref('excluded.easting'),
        northing: eb.ref('excluded.northing'),
      })),
    )
    .execute();
}

/** The directory's entries for these postcode keys (upper case, no spaces). */
export function postcodesByKey(db: Db, keys: string[]) {
  return db.selectFrom('postcodes').selectAll().where('postcode', 'in', keys).execute();
}

/**
 * The same, as one array parameter rather than one parameter a postcode: a return can name more postcodes than
 * a statement may have parameters.
 */
export async function postcodesAmong(db: Db, keys: string[]) {
  const found = await sql<{
    postcode: string;
    gss_code: string;
    easting: number | null;
    northing: number | null;
  }>`
    select postcode, gss_code, easting, northing from postcodes where postcode = any(${keys}::text[])`.execute(
    db,
  );
  return found.rows;
}

/** Whether any postcode directory has been imported. */
export async function hasPostcodeDirectory(db: Db): Promise<boolean> {
  return (await db.selectFrom('postcodes').select('postcode').limit(1).executeTakeFirst()) !== undefined;
}

/** The GSS code of the council's own area, when it is known. */
export function councilGssCode(db: Db, councilId: string) {
  return db.selectFrom('councils').select('gss_code').where('id', '=', councilId).executeTakeFirst();
}

/**
 * Which of these postcode areas (the letters that begin a postcode: "ME", "DA") the imported directory holds any
 * postcode of.
 */
export async function postcodeAreasHeld(db: Db, areas: string[]): Promise<Set<string>> {
  if (areas.length === 0) return new Set();
  const found = await sql<{ area: string }>`
    select area from unnest(${areas}::text[]) as area
    where exists (select 1 from postcodes where postcode like area || '%' and substr(postcode, length(area) + 1, 1) between '0' and '9')`.execute(
    db,
  );
  return new Set(found.rows.map((row) => row.area));
}
