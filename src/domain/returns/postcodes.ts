import { postcodeKey } from '../geography/distance.ts';
import type { PostcodeLookup, PostcodePlace } from './ssda903/context.ts';

/** Where the columns Hearth needs are in a line of the directory. */
export interface DirectoryColumns {
  readonly postcode: number;
  readonly la: number;
  readonly easting: number;
  readonly northing: number;
}

/**
 * The columns of the directory's first line, by the names the ONS has used across releases, or a
 * problem when they are not the ONS Postcode Directory's.
 */
export function directoryColumns(header: string): DirectoryColumns | { problem: string } {
  const names = header
    .replace(/^\uFEFF/, '')
    .trim()
    .split(',')
    .map((name) => name.replaceAll('"', '').trim().toLowerCase());
  const column = (...candidates: string[]) => names.findIndex((name) => candidates.includes(name));
  const columns = {
    postcode: column('pcd', 'pcds', 'pcd7', 'pcd8'),
    la: column('laua', 'oslaua', 'lad', 'lad25cd', 'lad24cd'),
    easting: column('oseast1m'),
    northing: column('osnrth1m'),
  };
  if (Object.values(columns).some((index) => index < 0)) {
    return {
      problem: 'its columns are not those of the ONS Postcode Directory (pcd, laua, oseast1m, osnrth1m)',
    };
  }
  return columns;
}

/**
 * The postcode (as a key: capitals, no spaces) and its place on one line of the directory after the header;
 * null for a line without a postcode. A grid reference the line lacks is NaN.
 */
export function directoryPlace(
  line: string,
  columns: DirectoryColumns,
): { key: string; place: PostcodePlace } | null {
  const cells = line.split(',').map((cell) => cell.replaceAll('"', '').trim());
  const key = postcodeKey(cells[columns.postcode] ?? '');
  if (key === '') return null;
  const grid = (cell: string | undefined) => (cell ? Number(cell) : Number.NaN);
  return {
    key,
    place: {
      la: cells[columns.la] ?? '',
      easting: grid(cells[columns.easting]),
      northing: grid(cells[columns.northing]),
    },
  };
}

/** A postcode key's hash, the same as `postcodeHash` works out from a line of the directory. */
function keyHash(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) hash = Math.imul(hash ^ key.charCodeAt(index), 0x01000193);
  return hash;
}

const comma = 0x2c;
const quote = 0x22;
const space = 0x20;

/** Reads the directory: the places it gives, once every chunk has been pushed, or why it cannot be read. */
export interface PostcodeDirectoryReader {
  push(chunk: Uint8Array): void;
  finish(): { lookup: PostcodeLookup; size: number } | { problem: string };
}

/**
 * Reads the ONS Postcode Directory as CSV, chunk by chunk: the ONS's own file (columns pcd or pcds,
 * oslaua or laua or lad, oseast1m, osnrth1m, among fifty others; over a gigabyte) or the compact form
 * with just those columns. The directory has 2.7 million postcodes and a return names a few thousand,
 * so only the `wanted` postcodes are kept (every one when `wanted` is null): each line's postcode is
 * hashed from its bytes, and only a line whose hash is wanted is decoded. The file is never held whole.
 * With `onPlace`, each postcode read is handed to it rather than kept (the index of the directory is built so).
 */
export function postcodeDirectoryReader(
  wanted: Iterable<string> | null,
  onPlace?: (key: string, place: PostcodePlace) => void,
): PostcodeDirectoryReader {
  const wantedKeys = wanted === null ? null : new Set([...wanted].map(postcodeKey));
  const wantedHashes = wantedKeys === null ? null : new Set([...wantedKeys].map(keyHash));
  const places = new Map<string, PostcodePlace>();
  const keep = onPlace ?? ((key: string, place: PostcodePlace) => places.set(key, place));
  const decoder = new TextDecoder('latin1');
  let columns: DirectoryColumns | { problem: string } | null = null;
  let carried: Uint8Array | null = null;

  /** The hash of the postcode cell of a line (spaces and quotes left out, letters in capitals). */
  function postcodeHash(bytes: Uint8Array, start: number, end: number, column: number): number {
    let position = start;
    for (let skipped = 0; skipped < column && position < end; position++) {
      if (bytes[position] === comma) skipped += 1;
    }
    let hash = 0x811c9dc5;
    for (; position < end; position++) {
      let byte = bytes[position]!;
      if (byte === comma) break;
      if (byte === space || byte === quote) continue;
      if (byte >= 0x61 && byte <= 0x7a) byte -= 0x20;
      hash = Math.imul(hash ^ byte, 0x01000193);
    }
    return hash;
  }

  function readLine(bytes: Uint8Array, start: number, end: number): void {
    if (end > start && bytes[end - 1] === 0x0d) end -= 1;
    if (end === start) return;
    if (columns === null) {
      columns = directoryColumns(decoder.decode(bytes.subarray(start, end)));
      return;
    }
    if ('problem' in columns) return;
    const read = directoryPlace(decoder.decode(bytes.subarray(start, end)), columns);
    if (read && (!wantedKeys || wantedKeys.has(read.key))) keep(read.key, read.place);
  }

  return {
    push(chunk) {
      let start = 0;
      if (carried) {
        const newline = chunk.indexOf(0x0a);
        const joined = new Uint8Array(carried.length + (newline < 0 ? chunk.length : newline));
        joined.set(carried);
        joined.set(newline < 0 ? chunk : chunk.subarray(0, newline), carried.length);
        if (newline < 0) {
          carried = joined;
          return;
        }
        readLine(joined, 0, joined.length);
        carried = null;
        start = newline + 1;
      }
      // The hot loop, over 2.7 million lines: a line whose postcode is not wanted goes no further than its hash.
      const postcodeColumn = () => (columns && !('problem' in columns) ? columns.postcode : -1);
      let column = postcodeColumn();
      for (let newline = chunk.indexOf(0x0a, start); newline >= 0; newline = chunk.indexOf(0x0a, start)) {
        if (column < 0 || !wantedHashes || wantedHashes.has(postcodeHash(chunk, start, newline, column))) {
          readLine(chunk, start, newline);
          // The header may have just been read: the lines after it in this chunk are filtered too.
          if (column < 0) column = postcodeColumn();
        }
        start = newline + 1;
      }
      if (start < chunk.length) carried = chunk.slice(start);
    },
    finish() {
      if (carried) readLine(carried, 0, carried.length);
      carried = null;
      if (columns === null) return { problem: 'it is empty' };
      if ('problem' in columns) return columns;
      return { lookup: (postcode) => places.get(postcodeKey(postcode)), size: places.size };
    },
  };
}

/** Reads a whole directory held as text (a small one: the tests'), keeping every postcode or the wanted ones. */
export function readPostcodeDirectory(
  text: string,
  wanted: Iterable<string> | null = null,
): { lookup: PostcodeLookup; size: number } | { problem: string } {
  const reader = postcodeDirectoryReader(wanted);
  reader.push(new TextEncoder().encode(text));
  return reader.finish();
}
