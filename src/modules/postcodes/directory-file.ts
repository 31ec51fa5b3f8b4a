/**
 * Reading the ONS Postcode Directory from a file, for `hearth validate ssda903 --postcodes` and for its index.
 * Node's modules are taken with process.getBuiltinModule, as on the rest of that command's path (an import of
 * node:fs loads streams and readline too: docs/performance.md).
 */
import { postcodeDirectoryReader, type PostcodeDirectoryReader } from '../../domain/returns/postcodes.ts';
import type { PostcodeLookup } from '../../domain/returns/ssda903/context.ts';

/** A directory file Hearth cannot read or use: the message names the file and why. */
export class PostcodeDirectoryError extends Error {}

/**
 * Pushes the directory file through `reader` in 1 MB chunks (the ONS's own file is over a gigabyte), gunzipping
 * a `.gz` file, and returns what it read; a file that cannot be read or used throws PostcodeDirectoryError.
 */
export async function readDirectoryFile(
  path: string,
  reader: PostcodeDirectoryReader,
): Promise<{ lookup: PostcodeLookup; size: number }> {
  try {
    const file = process.getBuiltinModule('node:fs').createReadStream(path, { highWaterMark: 1 << 20 });
    // pipeline, not pipe: an error reading the file then ends the loop instead of leaving it waiting.
    // Node's stream and zlib modules are loaded only for a compressed directory, as start-up counts.
    const gunzip = () => process.getBuiltinModule('node:zlib').createGunzip({ chunkSize: 1 << 20 });
    const stream = path.endsWith('.gz')
      ? process.getBuiltinModule('node:stream').pipeline(file, gunzip(), () => {})
      : file;
    for await (const chunk of stream) reader.push(chunk as Buffer);
  } catch (error) {
    throw new PostcodeDirectoryError(`cannot read ${path}: ${(error as Error).message}`);
  }
  const read = reader.finish();
  if ('problem' in read) throw new PostcodeDirectoryError(`${path}: ${read.problem}`);
  return read;
}

/** The places of the `wanted` postcodes, read by streaming the whole directory file (no index). */
export async function streamedPostcodeLookup(
  path: string,
  wanted: Iterable<string>,
): Promise<PostcodeLookup> {
  return (await readDirectoryFile(path, postcodeDirectoryReader(wanted))).lookup;
}
