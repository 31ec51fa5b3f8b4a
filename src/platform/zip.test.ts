import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openZip, ZipRefused } from './zip.ts';

describe('opening an uploaded zip', () => {
  const limits = { entries: 3, inflatedBytes: 10_000 };

  it('gives each file by its name without folders, leaving out folders, empty files and resource forks', () => {
    const zip = zipSync({
      'return/Header.csv': strToU8('CHILD,SEX\n1,1\n'),
      'return/empty.csv': new Uint8Array(),
      '__MACOSX/return/._Header.csv': strToU8('fork'),
    });
    expect(openZip(zip, limits).map((file) => [file.name, Buffer.from(file.content).toString()])).toEqual([
      ['Header.csv', 'CHILD,SEX\n1,1\n'],
    ]);
  });

  it('stops at the size limit, however well the contents compress', () => {
    // 1 MB of zeros deflates to about a kilobyte: a small upload that would open a hundred times larger.
    const zip = zipSync({ 'Episodes.csv': new Uint8Array(1_000_000) }, { level: 9 });
    expect(zip.length).toBeLessThan(5_000);
    expect(() => openZip(zip, limits)).toThrow(ZipRefused);
  });

  it('stops at the number of files', () => {
    const zip = zipSync(Object.fromEntries([1, 2, 3, 4].map((n) => [`${n}.csv`, strToU8('x')])));
    expect(() => openZip(zip, limits)).toThrow('it holds more than 3 files');
  });
});
