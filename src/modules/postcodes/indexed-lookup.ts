/**
 * The postcodes a return names, looked up in a cached index of the directory file given to `--postcodes`
 * (docs/decisions/0016-postcode-index.md). The first use of a directory file builds its index (seconds, once);
 * every later run reads the few thousand postcodes it needs. Node's modules are taken with
 * process.getBuiltinModule, as on the rest of `hearth validate`'s path.
 */
import { postcodeKey } from '../../domain/geography/distance.ts';
import { postcodeDirectoryReader } from '../../domain/returns/postcodes.ts';
import type { PostcodeLookup, PostcodePlace } from '../../domain/returns/ssda903/context.ts';
import { PostcodeDirectoryError, readDirectoryFile } from './directory-file.ts';
import {
  openPostcodeIndex,
  placesInIndex,
  postcodeIndexBuilder,
  type PositionedRead,
  type SourceStamp,
} from './directory-index.ts';

const fs = () => process.getBuiltinModule('node:fs');
const path = () => process.getBuiltinModule('node:path');

/**
 * Where indexes are kept: $HEARTH_CACHE_DIR, else $XDG_CACHE_HOME/hearth, else ~/.cache/hearth; in `postcodes/`.
 */
export function postcodeIndexFolder(env: NodeJS.ProcessEnv = process.env): string {
  const { join } = path();
  const cache =
    env.HEARTH_CACHE_DIR ??
    join(env.XDG_CACHE_HOME ?? join(process.getBuiltinModule('node:os').homedir(), '.cache'), 'hearth');
  return join(cache, 'postcodes');
}

/** The index of one directory file: its name, and a CRC-32 of its full path so that two files never share one. */
export function postcodeIndexPath(source: string, folder: string): string {
  const { basename, join, resolve } = path();
  const where = process.getBuiltinModule('node:zlib').crc32(resolve(source)).toString(16).padStart(8, '0');
  return join(folder, `${basename(source)}-${where}.index`);
}

const sampleBytes = 1 << 20;

/**
 * A directory file's size, time of last change and the CRC-32 of its first and last megabyte. Not a hash of the
 * whole file: that would read all of it on every run, which the index is there to avoid.
 */
export function sourceStamp(source: string): SourceStamp {
  const { closeSync, fstatSync, openSync, readSync } = fs();
  const { crc32 } = process.getBuiltinModule('node:zlib');
  const descriptor = openSync(source, 'r');
  try {
    const { size, mtimeMs } = fstatSync(descriptor);
    const sample = Buffer.alloc(Math.min(size, sampleBytes));
    const first = crc32(sample.subarray(0, readSync(descriptor, sample, 0, sample.length, 0)));
    const last = readSync(descriptor, sample, 0, sample.length, Math.max(0, size - sampleBytes));
    return { size, modified: mtimeMs, sample: crc32(sample.subarray(0, last), first) };
  } finally {
    closeSync(descriptor);
  }
}

/** The places of `keys` in the cached index at `indexPath`; null when it is missing, stale or corrupt. */
function placesInCachedIndex(
  indexPath: string,
  stamp: SourceStamp,
  keys: Iterable<string>,
): Map<string, PostcodePlace> | null {
  const { closeSync, fstatSync, openSync, readSync } = fs();
  let descriptor: number;
  try {
    descriptor = openSync(indexPath, 'r');
  } catch {
    return null;
  }
  try {
    const read: PositionedRead = (position, length) => {
      const bytes = Buffer.allocUnsafe(length);
      return bytes.subarray(0, readSync(descriptor, bytes, 0, length, position));
    };
    const index = openPostcodeIndex(read, fstatSync(descriptor).size, stamp);
    return index && placesInIndex(index, read, keys);
  } finally {
    closeSync(descriptor);
  }
}

/** Reads the whole directory file into an index's bytes. */
async function indexBytes(source: string, stamp: SourceStamp): Promise<Buffer> {
  const builder = postcodeIndexBuilder();
  await readDirectoryFile(
    source,
    postcodeDirectoryReader(null, (key, place) => builder.add(key, place)),
  );
  return builder.finish(stamp);
}

/** Writes the index beside the others, whole or not at all (another run may be reading or writing it). */
function keep(indexPath: string, bytes: Uint8Array): void {
  const { mkdirSync, renameSync, writeFileSync } = fs();
  mkdirSync(path().dirname(indexPath), { recursive: true });
  const partial = `${indexPath}.${process.pid}.partial`;
  writeFileSync(partial, bytes);
  renameSync(partial, indexPath);
}

export interface IndexedLookupOptions {
  /** Where indexes are kept (postcodeIndexFolder() when not given). */
  readonly folder?: string;
  /** Told before an index is built, and why it could not be kept. */
  readonly onNotice?: (message: string) => void;
}

/**
 * The places of the `wanted` postcodes in the directory file `source`, from its cached index, built first when
 * there is none or it is stale (made from another version of the file) or corrupt. An index that cannot be written
 * is still used for this run, from memory.
 */
export async function indexedPostcodeLookup(
  source: string,
  wanted: Iterable<string>,
  options: IndexedLookupOptions = {},
): Promise<{ lookup: PostcodeLookup; size: number; built: boolean }> {
  let stamp: SourceStamp;
  try {
    stamp = sourceStamp(source);
  } catch (error) {
    throw new PostcodeDirectoryError(`cannot read ${source}: ${(error as Error).message}`);
  }
  const keys = new Set([...wanted].map(postcodeKey));
  const indexPath = postcodeIndexPath(source, options.folder ?? postcodeIndexFolder());
  const lookup = (places: Map<string, PostcodePlace>) => (postcode: string) =>
    places.get(postcodeKey(postcode));
  const cached = placesInCachedIndex(indexPath, stamp, keys);
  if (cached) return { lookup: lookup(cached), size: cached.size, built: false };

  options.onNotice?.(`indexing ${source} (once for this file) at ${indexPath}`);
  const bytes = await indexBytes(source, stamp);
  try {
    keep(indexPath, bytes);
  } catch (error) {
    options.onNotice?.(`cannot keep the index: ${(error as Error).message}`);
  }
  const read: PositionedRead = (position, length) => bytes.subarray(position, position + length);
  const index = openPostcodeIndex(read, bytes.length, stamp);
  const places = index && placesInIndex(index, read, keys);
  if (!places) throw new Error('a postcode index just built failed its own checks');
  return { lookup: lookup(places), size: places.size, built: true };
}
