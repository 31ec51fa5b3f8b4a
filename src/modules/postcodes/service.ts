import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Tables } from '../../db/schema.ts';
import { isInCouncilArea } from '../../domain/geography/councils.ts';
import { milesBetween, postcodeKey } from '../../domain/geography/distance.ts';
import { postcodeProblems } from '../../domain/journey/guards.ts';
import { directoryColumns, directoryPlace, type DirectoryColumns } from '../../domain/returns/postcodes.ts';
import type { PostcodeLookup } from '../../domain/returns/ssda903/context.ts';
import {
  councilGssCode,
  hasPostcodeDirectory,
  postcodeAreasHeld,
  postcodesAmong,
  postcodesByKey,
  upsertPostcodes,
  type DirectoryPostcode,
} from './queries.ts';

export class PostcodeFileError extends Error {}

/**
 * Loads the ONS Postcode Directory (its own CSV, or the compact form; plain or gzip) into the shared `postcodes`
 * table, in batches, replacing what a postcode had. Returns the number of postcodes read.
 */
export async function importPostcodes(
  db: Database,
  file: string,
  onProgress?: (rows: number) => void,
): Promise<number> {
  const input = createReadStream(file);
  const lines = createInterface({
    input: file.endsWith('.gz') ? input.pipe(createGunzip()) : input,
    crlfDelay: Infinity,
  });
  let columns: DirectoryColumns | undefined;
  let batch: DirectoryPostcode[] = [];
  let count = 0;
  const flush = async () => {
    if (!batch.length) return;
    const rows = [...new Map(batch.map((row) => [row.postcode, row])).values()];
    await upsertPostcodes(db, rows);
    batch = [];
    onProgress?.(count);
  };
  for await (const line of lines) {
    if (!columns) {
      const read = directoryColumns(line);
      if ('problem' in read)
        throw new PostcodeFileError(
          `${file} is not the ONS Postcode Directory: it needs the columns pcd, laua, oseast1m and osnrth1m.`,
        );
      columns = read;
      continue;
    }
    const read = directoryPlace(line, columns);
    if (!read) continue;
    const metres = (value: number) => (Number.isFinite(value) ? Math.round(value) : null);
    batch.push({
      postcode: read.key,
      gss_code: read.place.la,
      easting: metres(read.place.easting),
      northing: metres(read.place.northing),
    });
    count += 1;
    if (batch.length >= 5000) await flush();
  }
  if (!columns) throw new PostcodeFileError(`${file} is empty.`);
  await flush();
  return count;
}

/** A postcode typed on a form: the field, the words for it in a message, and what was typed. */
export interface TypedPostcode {
  path: string;
  label: string;
  postcode: string | null;
}

/**
 * Whether each postcode typed is a UK postcode (issue 17): of the right format, and in the ONS Postcode Directory
 * when the directory holds the postcode's area. A directory imported in part (as a trial or a test loads) says
 * nothing of the areas it lacks; the full directory holds every area, so then every postcode is looked up.
 */
export async function postcodeProblemsOf(db: Kysely<Tables>, typed: readonly TypedPostcode[]) {
  const given = typed.filter((entry) => entry.postcode?.trim());
  const keys = given.map((entry) => postcodeKey(entry.postcode!));
  const areaOf = (key: string) => /^[A-Z]+/.exec(key)?.[0] ?? key;
  const [held, found] = await Promise.all([
    postcodeAreasHeld(db, [...new Set(keys.map(areaOf))]),
    keys.length ? postcodesAmong(db, keys) : [],
  ]);
  const inDirectory = new Set(found.map((place) => place.postcode));
  return given.flatMap((entry, index) => {
    const key = keys[index]!;
    const known = held.has(areaOf(key)) ? inDirectory.has(key) : undefined;
    return postcodeProblems(entry.postcode, known, entry.path, entry.label);
  });
}

/**
 * Where a placement is, seen from the child's home and the council: the distance in miles when both postcodes are
 * in the directory, and whether it lies in the council's own area when the council's GSS code is known.
 */
export async function placementGeography(
  db: Kysely<Tables>,
  councilId: string,
  placementPostcode: string | null,
  homePostcode: string | null,
): Promise<{ distanceMiles: number | null; inArea: boolean | null }> {
  const keys = [placementPostcode, homePostcode]
    .filter((postcode): postcode is string => Boolean(postcode))
    .map(postcodeKey);
  if (!placementPostcode || keys.length === 0) return { distanceMiles: null, inArea: null };
  const [places, council] = await Promise.all([postcodesByKey(db, keys), councilGssCode(db, councilId)]);
  const placement = places.find((place) => place.postcode === postcodeKey(placementPostcode));
  const home = homePostcode
    ? places.find((place) => place.postcode === postcodeKey(homePostcode))
    : undefined;
  const gridded = (place: typeof placement) =>
    place && place.easting !== null && place.northing !== null
      ? { easting: place.easting, northing: place.northing }
      : undefined;
  const from = gridded(home);
  const to = gridded(placement);
  return {
    distanceMiles: from && to ? milesBetween(from, to) : null,
    inArea: placement && council?.gss_code ? isInCouncilArea(placement.gss_code, council.gss_code) : null,
  };
}

/**
 * The places of these postcodes in the imported directory, for the SSDA903 rules on where a placement is;
 * null when no directory has been imported (those rules are then skipped, never passed).
 */
export async function importedPostcodeLookup(
  db: Kysely<Tables>,
  postcodes: Iterable<string>,
): Promise<PostcodeLookup | null> {
  const keys = [...new Set([...postcodes].map(postcodeKey))];
  const [places, imported] = await Promise.all([
    keys.length === 0 ? [] : postcodesAmong(db, keys),
    hasPostcodeDirectory(db),
  ]);
  if (!imported) return null;
  const byKey = new Map(
    places.map((place) => [
      place.postcode,
      { la: place.gss_code, easting: place.easting ?? Number.NaN, northing: place.northing ?? Number.NaN },
    ]),
  );
  return (postcode) => byKey.get(postcodeKey(postcode));
}
