/**
 * A compact index of the ONS Postcode Directory, so that `hearth validate ssda903 --postcodes` reads only the
 * postcodes a return names rather than 2.7 million lines (docs/decisions/0016-postcode-index.md).
 *
 * The index file (numbers little-endian):
 *   prelude, 16 bytes: the magic "HPCIDX01"; uint32 length of the description; uint32 CRC-32 of the description
 *     and the block index together.
 *   description: JSON { records, blockRecords, las: [GSS codes], source: { size, modified, sample } }.
 *   block index: for each block of `blockRecords` records, the first record's postcode (7 bytes) and the CRC-32
 *     of the block's records (uint32).
 *   records, sorted by postcode, 17 bytes each: the postcode in the ONS's 7-character form (outward code padded
 *     with spaces to 4, then the 3-character inward code, so that "AB1 0AA" sorts before "AB101AA" as in the
 *     directory); uint16 index into `las`; int32 easting and int32 northing in whole metres (-2^31: none given).
 * A lookup reads the prelude, the description and the block index (about 250 KB for the UK), then one positioned
 * read of a block (2 KB) for each block holding a wanted postcode, checked against its CRC-32. A file that is
 * short, or fails a check, or was made from another file than the directory given, is not trusted: it is rebuilt.
 */
import type { PostcodePlace } from '../../domain/returns/ssda903/context.ts';

const magic = 'HPCIDX01';
const preludeBytes = 16;
const keyBytes = 7;
const recordBytes = keyBytes + 2 + 4 + 4;
const blockEntryBytes = keyBytes + 4;
const noGrid = -0x80000000;
/** Records per block: 2.7 million postcodes make about 21,000 blocks of 2,176 bytes. */
const defaultBlockRecords = 128;

/** The directory file an index was made from: its size, time of last change and a CRC-32 of its ends. */
export interface SourceStamp {
  readonly size: number;
  readonly modified: number;
  readonly sample: number;
}

interface Description {
  readonly records: number;
  readonly blockRecords: number;
  readonly las: string[];
  readonly source: SourceStamp;
}

const crc32 = (bytes: Uint8Array) => process.getBuiltinModule('node:zlib').crc32(bytes);

/**
 * A postcode key (capitals, no spaces) in the index's 7-character form, or null when it cannot be a postcode (a
 * UK postcode has an outward code of 2 to 4 characters and an inward code of 3, letters and digits only).
 */
export function indexForm(key: string): string | null {
  if (key.length < 5 || key.length > 7 || !/^[A-Z0-9]+$/.test(key)) return null;
  return key.slice(0, -3).padEnd(4, ' ') + key.slice(-3);
}

/** Collects the directory's postcodes, then lays them out as an index file. */
export function postcodeIndexBuilder(blockRecords = defaultBlockRecords) {
  let keys = new Uint8Array(keyBytes << 16);
  let laOf = new Uint16Array(1 << 16);
  let grid = new Int32Array(2 << 16);
  let count = 0;
  const las = new Map<string, number>();
  const metres = (value: number) => (Number.isFinite(value) ? Math.round(value) : noGrid);
  const grown = <T extends Uint8Array | Uint16Array | Int32Array>(array: T, make: (length: number) => T) => {
    const larger = make(array.length * 2);
    larger.set(array);
    return larger;
  };

  return {
    /** Adds a postcode of the directory; a later line for the same postcode replaces an earlier one. */
    add(key: string, place: PostcodePlace): void {
      const form = indexForm(key);
      if (form === null) return;
      if (count === laOf.length) {
        keys = grown(keys, (length) => new Uint8Array(length));
        laOf = grown(laOf, (length) => new Uint16Array(length));
        grid = grown(grid, (length) => new Int32Array(length));
      }
      for (let index = 0; index < keyBytes; index++) keys[count * keyBytes + index] = form.charCodeAt(index);
      let la = las.get(place.la);
      if (la === undefined) las.set(place.la, (la = las.size));
      laOf[count] = la;
      grid[count * 2] = metres(place.easting);
      grid[count * 2 + 1] = metres(place.northing);
      count += 1;
    },
    /** The index file's bytes, for a directory file with this stamp. */
    finish(source: SourceStamp): Buffer {
      const { records, positionOf } = recordPositions(keys, count);
      const description = new TextEncoder().encode(
        JSON.stringify({ records, blockRecords, las: [...las.keys()], source }),
      );
      const blocks = Math.ceil(records / blockRecords);
      const recordsAt = preludeBytes + description.length + blocks * blockEntryBytes;
      const file = Buffer.alloc(recordsAt + records * recordBytes);
      file.write(magic, 0, 'latin1');
      file.writeUInt32LE(description.length, 8);
      file.set(description, preludeBytes);
      positionOf.forEach((position, record) => {
        const at = recordsAt + position * recordBytes;
        file.set(keys.subarray(record * keyBytes, (record + 1) * keyBytes), at);
        file.writeUInt16LE(laOf[record]!, at + keyBytes);
        file.writeInt32LE(grid[record * 2]!, at + keyBytes + 2);
        file.writeInt32LE(grid[record * 2 + 1]!, at + keyBytes + 6);
      });
      for (let block = 0; block < blocks; block++) {
        const start = recordsAt + block * blockRecords * recordBytes;
        const end = Math.min(start + blockRecords * recordBytes, file.length);
        const entry = preludeBytes + description.length + block * blockEntryBytes;
        file.copy(file, entry, start, start + keyBytes);
        file.writeUInt32LE(crc32(file.subarray(start, end)), entry + keyBytes);
      }
      file.writeUInt32LE(crc32(file.subarray(preludeBytes, recordsAt)), 12);
      return file;
    },
  };
}

/**
 * Where each record goes in the index: the rank of its postcode among the distinct postcodes. Two records of one
 * postcode share a place, so the later one, written after, replaces the earlier (as the streamed reader keeps the
 * last). The 7-character forms become numbers in the same order as their bytes (each byte, less 0x20, fits in 6
 * bits: 42 bits in all), sorted natively: a comparator called 60 million times took seconds.
 */
function recordPositions(keys: Uint8Array, count: number): { records: number; positionOf: Uint32Array } {
  const numbers = new Float64Array(count);
  for (let record = 0; record < count; record++) {
    let number = 0;
    for (let index = 0; index < keyBytes; index++)
      number = number * 64 + (keys[record * keyBytes + index]! - 0x20);
    numbers[record] = number;
  }
  const distinct = numbers.slice().sort();
  let records = 0;
  for (let position = 0; position < count; position++) {
    if (records === 0 || distinct[records - 1] !== distinct[position])
      distinct[records++] = distinct[position]!;
  }
  const positionOf = new Uint32Array(count);
  for (let record = 0; record < count; record++) {
    let low = 0;
    let high = records - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (distinct[middle]! < numbers[record]!) low = middle + 1;
      else high = middle;
    }
    positionOf[record] = low;
  }
  return { records, positionOf };
}

/** An index file opened and found whole as far as its prelude, description and block index go. */
export interface OpenPostcodeIndex {
  readonly description: Description;
  readonly firstKeys: readonly string[];
  readonly checksums: Uint32Array;
  readonly recordsAt: number;
}

/** Reads `length` bytes at `position` of the index file; fewer when the file is shorter. */
export type PositionedRead = (position: number, length: number) => Buffer;

/**
 * The index's description and block index, or null when the file is not a whole index made from a directory
 * file with this stamp (empty, short, of another version, failing its CRC-32, or made from another file).
 */
export function openPostcodeIndex(
  read: PositionedRead,
  fileSize: number,
  source: SourceStamp,
): OpenPostcodeIndex | null {
  const prelude = read(0, preludeBytes);
  if (prelude.length < preludeBytes || prelude.toString('latin1', 0, 8) !== magic) return null;
  const descriptionLength = prelude.readUInt32LE(8);
  if (preludeBytes + descriptionLength > fileSize) return null;
  let description: Description;
  try {
    description = JSON.parse(read(preludeBytes, descriptionLength).toString('utf8')) as Description;
  } catch {
    return null;
  }
  const { records, blockRecords, las, source: made } = description;
  if (!Number.isSafeInteger(records) || !Number.isSafeInteger(blockRecords) || blockRecords < 1) return null;
  if (!Array.isArray(las) || made?.size !== source.size) return null;
  if (made.modified !== source.modified || made.sample !== source.sample) return null;
  const blocks = Math.ceil(records / blockRecords);
  const recordsAt = preludeBytes + descriptionLength + blocks * blockEntryBytes;
  if (fileSize !== recordsAt + records * recordBytes) return null;
  const meta = read(preludeBytes, recordsAt - preludeBytes);
  if (meta.length !== recordsAt - preludeBytes || crc32(meta) !== prelude.readUInt32LE(12)) return null;
  const firstKeys: string[] = [];
  const checksums = new Uint32Array(blocks);
  // One decoding of the block index, then slices of it: a decoding per block costs more than the reading.
  const text = meta.toString('latin1', descriptionLength);
  for (let block = 0; block < blocks; block++) {
    const at = block * blockEntryBytes;
    firstKeys.push(text.slice(at, at + keyBytes));
    checksums[block] = meta.readUInt32LE(descriptionLength + at + keyBytes);
  }
  return { description, firstKeys, checksums, recordsAt };
}

/** The last block whose first postcode is not after `form`, or -1 when `form` sorts before them all. */
function blockOf(firstKeys: readonly string[], form: string): number {
  let low = 0;
  let high = firstKeys.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (firstKeys[middle]! <= form) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** The place of the record for `form` in a block's bytes (and `text`, the same decoded), or undefined when the block does not hold it. */
function placeInBlock(
  block: Buffer,
  text: string,
  form: string,
  las: readonly string[],
): PostcodePlace | undefined {
  let low = 0;
  let high = block.length / recordBytes - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const at = middle * recordBytes;
    const key = text.slice(at, at + keyBytes);
    if (key < form) low = middle + 1;
    else if (key > form) high = middle - 1;
    else {
      const metres = (value: number) => (value === noGrid ? Number.NaN : value);
      return {
        la: las[block.readUInt16LE(at + keyBytes)] ?? '',
        easting: metres(block.readInt32LE(at + keyBytes + 2)),
        northing: metres(block.readInt32LE(at + keyBytes + 6)),
      };
    }
  }
  return undefined;
}

/**
 * The places of these postcode keys (capitals, no spaces) held by the index, one read a block; null when a block
 * read fails its CRC-32 (the index is then corrupt, and not to be trusted for any postcode).
 */
export function placesInIndex(
  index: OpenPostcodeIndex,
  read: PositionedRead,
  keys: Iterable<string>,
): Map<string, PostcodePlace> | null {
  const byBlock = new Map<number, { key: string; form: string }[]>();
  for (const key of keys) {
    const form = indexForm(key);
    const block = form === null ? -1 : blockOf(index.firstKeys, form);
    if (block < 0) continue;
    const wanted = byBlock.get(block) ?? [];
    wanted.push({ key, form: form! });
    byBlock.set(block, wanted);
  }
  const { records, blockRecords, las } = index.description;
  const places = new Map<string, PostcodePlace>();
  for (const [block, wanted] of byBlock) {
    const length = Math.min(blockRecords, records - block * blockRecords) * recordBytes;
    const bytes = read(index.recordsAt + block * blockRecords * recordBytes, length);
    if (bytes.length !== length || crc32(bytes) !== index.checksums[block]) return null;
    const text = bytes.toString('latin1');
    for (const { key, form } of wanted) {
      const place = placeInBlock(bytes, text, form, las);
      if (place) places.set(key, place);
    }
  }
  return places;
}
