import { existsSync, mkdtempSync, readFileSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { postcodeDirectoryReader } from '../../domain/returns/postcodes.ts';
import { readDirectoryFile, streamedPostcodeLookup } from './directory-file.ts';
import { openPostcodeIndex, placesInIndex, postcodeIndexBuilder } from './directory-index.ts';
import { indexedPostcodeLookup, postcodeIndexPath, sourceStamp } from './indexed-lookup.ts';

// Rows in the ONS's own layout: DA1 1AB is terminated (doterm), ZZ9 9ZZ has no grid reference, DA2 6AA is given
// twice (the later line wins, as in the streamed reader), and the lines are not in postcode order.
const onsLayout = [
  'pcd,pcd2,pcds,dointr,doterm,oscty,oslaua,oseast1m,osnrth1m',
  '"DA2 6AA","DA2  6AA","DA2 6AA","198001","","E10000016","E07000107","555751","173657"',
  '"DA1 1AA","DA1  1AA","DA1 1AA","198001","","E10000016","E07000107","553654","174061"',
  '"DA1 1AB","DA1  1AB","DA1 1AB","198001","200012","E10000016","E07000107","554145","174132"',
  '"DA101AA","DA10 1AA","DA10 1AA","198001","","E10000016","E07000107","561000","174500"',
  '"ZZ9 9ZZ","ZZ9  9ZZ","ZZ9 9ZZ","198001","","","L99999999","",""',
  '"B1  1AA","B1   1AA","B1 1AA","198001","","E11000005","E08000025","406900","286900"',
  '"DA2 6AA","DA2  6AA","DA2 6AA","198001","","E10000016","E07000111","555752","173658"',
  '"EC1A1BB","EC1A 1BB","EC1A 1BB","198001","","E13000001","E09000001","531800","181800"',
].join('\n');

/** Postcodes as a return may write them: spacing and case variants, terminated ones and ones not in the directory. */
const asWritten = [
  'DA1 1AA',
  'da11aa',
  ' DA1  1AA ',
  'DA1 1AB',
  'DA10 1AA',
  'da101aa',
  'DA2 6AA',
  'ZZ9 9ZZ',
  'B1 1AA',
  'b11aa',
  'EC1A 1BB',
  'ec1a1bb',
  'DA1 1AZ',
  'AA1 1AA',
  'ZZ99 9ZZ',
  'X',
  'DA1-1AA',
];

const sameAsStreamed = async (source: string, found: (postcode: string) => unknown) => {
  const streamed = await streamedPostcodeLookup(source, asWritten);
  for (const postcode of asWritten)
    expect([postcode, found(postcode)]).toEqual([postcode, streamed(postcode)]);
};

function aFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'hearth-postcode-index-'));
  writeFileSync(join(folder, 'onspd.csv'), onsLayout);
  return folder;
}

describe('the postcode index', () => {
  it('gives the same places as the streamed reader, with blocks of any size', async () => {
    const source = join(aFolder(), 'onspd.csv');
    for (const blockRecords of [1, 2, 3, 128]) {
      const builder = postcodeIndexBuilder(blockRecords);
      await readDirectoryFile(
        source,
        postcodeDirectoryReader(null, (key, place) => builder.add(key, place)),
      );
      const bytes = builder.finish(sourceStamp(source));
      const read = (position: number, length: number) => bytes.subarray(position, position + length);
      const index = openPostcodeIndex(read, bytes.length, sourceStamp(source))!;
      expect(index.description.records).toBe(7);
      const keys = asWritten.map((postcode) => postcode.replaceAll(/\s+/g, '').toUpperCase());
      const places = placesInIndex(index, read, keys)!;
      await sameAsStreamed(source, (postcode) => places.get(postcode.replaceAll(/\s+/g, '').toUpperCase()));
    }
  });

  it('is built on first use, kept, and read again without the directory', async () => {
    const folder = aFolder();
    const source = join(folder, 'onspd.csv');
    const notices: string[] = [];
    const first = await indexedPostcodeLookup(source, asWritten, {
      folder,
      onNotice: (m) => notices.push(m),
    });
    expect(first.built).toBe(true);
    expect(notices).toEqual([expect.stringContaining('indexing')]);
    const again = await indexedPostcodeLookup(source, asWritten, { folder });
    expect(again).toMatchObject({ built: false, size: 7 });
    await sameAsStreamed(source, again.lookup);
    expect(again.lookup('DA2 6AA')).toEqual({ la: 'E07000111', easting: 555752, northing: 173658 });
    expect(again.lookup('ZZ9 9ZZ')).toEqual({ la: 'L99999999', easting: NaN, northing: NaN });
  });

  it('rebuilds an index that is corrupt, cut short or not an index, rather than trusting it', async () => {
    const folder = aFolder();
    const source = join(folder, 'onspd.csv');
    await indexedPostcodeLookup(source, asWritten, { folder });
    const indexPath = postcodeIndexPath(source, folder);
    const whole = readFileSync(indexPath);
    const flipped = Buffer.from(whole);
    flipped[whole.length - 5]! ^= 0xff; // a byte of a grid reference in the last block
    const damaged = [
      flipped,
      whole.subarray(0, whole.length - 17),
      Buffer.from('not an index'),
      Buffer.alloc(0),
    ];
    for (const bytes of damaged) {
      writeFileSync(indexPath, bytes);
      const read = await indexedPostcodeLookup(source, asWritten, { folder });
      expect(read.built).toBe(true);
      await sameAsStreamed(source, read.lookup);
      expect(readFileSync(indexPath)).toEqual(whole);
    }
  });

  it('rebuilds the index of a directory file that has changed since', async () => {
    const folder = aFolder();
    const source = join(folder, 'onspd.csv');
    await indexedPostcodeLookup(source, asWritten, { folder });
    // The same size and time of last change, other contents: only the sample's CRC-32 tells.
    const changed = onsLayout.replace('"553654"', '"553655"');
    writeFileSync(source, changed);
    const { mtime } = await import('node:fs').then((fs) => fs.statSync(source));
    const read = await indexedPostcodeLookup(source, asWritten, { folder });
    expect(read.built).toBe(true);
    expect(read.lookup('DA1 1AA')?.easting).toBe(553655);
    utimesSync(source, mtime, new Date(mtime.getTime() + 60_000));
    expect((await indexedPostcodeLookup(source, asWritten, { folder })).built).toBe(true);
    expect((await indexedPostcodeLookup(source, asWritten, { folder })).built).toBe(false);
  });

  it('reads a gzip directory, and still answers when the index cannot be kept', async () => {
    const folder = aFolder();
    const source = join(folder, 'onspd.csv.gz');
    writeFileSync(source, gzipSync(onsLayout));
    writeFileSync(join(folder, 'a-file'), '');
    const notices: string[] = [];
    const onNotice = (message: string) => notices.push(message);
    const read = await indexedPostcodeLookup(source, asWritten, { folder: join(folder, 'a-file'), onNotice });
    expect(notices[1]).toContain('cannot keep the index');
    await sameAsStreamed(source, read.lookup);
  });

  it('refuses a file that is not the directory, naming it', async () => {
    const folder = aFolder();
    writeFileSync(join(folder, 'other.csv'), 'name,town\nA,B\n');
    await expect(indexedPostcodeLookup(join(folder, 'other.csv'), ['DA1 1AA'], { folder })).rejects.toThrow(
      /other\.csv: its columns are not those of the ONS Postcode Directory/,
    );
    await expect(indexedPostcodeLookup(join(folder, 'none.csv'), ['DA1 1AA'], { folder })).rejects.toThrow(
      /cannot read .*none\.csv/,
    );
  });
});

// The UK directory (2.7 million postcodes) where it is beside the project, as on the developers' machines: two
// reads of the whole file, one building the index and one streamed, about 5 s on 2 cores.
const directory = resolve(import.meta.dirname, '../../../../shared/onspd/postcodes-2025-11.csv.gz');

describe.skipIf(!existsSync(directory))('the index of the UK postcode directory', () => {
  it('gives the same places as the streamed reader for a sample of 2,700 postcodes and variants', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'hearth-postcode-index-uk-'));
    const built = await indexedPostcodeLookup(directory, [], { folder });
    expect(built.built).toBe(true);
    // The streamed reader's places of about one postcode in a thousand, chosen by their characters (the last line
    // of a postcode wins, as in a lookup), and of postcodes the directory does not hold.
    const streamed = new Map<string, unknown>([
      ['QQ11QQ', undefined],
      ['ZZ999ZZ', undefined],
    ]);
    const sampled = (key: string) =>
      [...key].reduce((hash, character) => (hash * 31 + character.charCodeAt(0)) % 1_000_003, 0) % 997 === 0;
    await readDirectoryFile(
      directory,
      postcodeDirectoryReader(null, (key, place) => {
        if (sampled(key)) streamed.set(key, place);
      }),
    );
    const variants = [...streamed.keys()].flatMap((key) => [
      key,
      key.toLowerCase(),
      ` ${key.slice(0, -3)}  ${key.slice(-3)}`,
    ]);
    const indexed = await indexedPostcodeLookup(directory, variants, { folder });
    expect(indexed.built).toBe(false);
    const differences = variants.filter(
      (postcode) =>
        JSON.stringify(indexed.lookup(postcode)) !==
        JSON.stringify(streamed.get(postcode.replaceAll(/\s+/g, '').toUpperCase())),
    );
    expect(differences).toEqual([]);
    expect(streamed.size).toBeGreaterThan(2_000);
    truncateSync(postcodeIndexPath(directory, folder));
  }, 60_000);
});
