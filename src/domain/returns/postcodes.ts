import type { PostcodeLookup, PostcodePlace } from './ssda903/context.ts';

/** A postcode without spaces, in capitals: the key the directory is searched by. */
export function postcodeKey(postcode: string): string {
  return postcode.replaceAll(' ', '').toUpperCase();
}

/**
 * Reads the ONS Postcode Directory as CSV: the ONS's own file (columns pcd or pcds, oslaua or laua
 * or lad, oseast1m, osnrth1m) or the compact form with just those columns. The directory has
 * millions of rows, so each row is kept as its text and read only when looked up.
 * Returns null with a reason when the columns are not there.
 */
export function readPostcodeDirectory(
  text: string,
): { lookup: PostcodeLookup; size: number } | { problem: string } {
  const firstBreak = text.indexOf('\n');
  const names = text
    .slice(0, firstBreak)
    .replace(/^\uFEFF/, '')
    .trim()
    .split(',')
    .map((name) => name.replaceAll('"', '').trim().toLowerCase());
  const column = (...candidates: string[]) => names.findIndex((name) => candidates.includes(name));
  const postcode = column('pcd', 'pcds', 'pcd7', 'pcd8');
  const la = column('laua', 'oslaua', 'lad', 'lad25cd', 'lad24cd');
  const easting = column('oseast1m');
  const northing = column('osnrth1m');
  if (postcode < 0 || la < 0 || easting < 0 || northing < 0) {
    return {
      problem: 'its columns are not those of the ONS Postcode Directory (pcd, laua, oseast1m, osnrth1m)',
    };
  }
  const rows = new Map<string, string>();
  let start = firstBreak + 1;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    const cells = line.split(',', postcode + 1);
    const key = cells[postcode]?.replaceAll('"', '');
    if (key) rows.set(postcodeKey(key), line);
  }
  const lookup: PostcodeLookup = (wanted) => {
    const line = rows.get(postcodeKey(wanted));
    if (line === undefined) return undefined;
    const cells = line
      .replace(/\r$/, '')
      .split(',')
      .map((cell) => cell.replaceAll('"', ''));
    const place: PostcodePlace = {
      la: cells[la] ?? '',
      easting: Number(cells[easting] || Number.NaN),
      northing: Number(cells[northing] || Number.NaN),
    };
    return place;
  };
  return { lookup, size: rows.size };
}
