import { describe, expect, it } from 'vitest';
import { postcodeDirectoryReader, readPostcodeDirectory } from './postcodes.ts';

describe('the ONS Postcode Directory', () => {
  it('reads the compact form and finds postcodes whatever their spacing', () => {
    const read = readPostcodeDirectory(
      'pcd,laua,oseast1m,osnrth1m\nDA1 1AA,E07000107,553654.0,174061.0\r\nZE1 0AA,S12000027,,\n',
    );
    if ('problem' in read) throw new Error(read.problem);
    expect(read.size).toBe(2);
    expect(read.lookup('da11aa')).toEqual({ la: 'E07000107', easting: 553654, northing: 174061 });
    expect(read.lookup('ZE1 0AA')?.easting).toBeNaN();
    expect(read.lookup('AB1 2CD')).toBeUndefined();
  });

  it('reads the ONS file with quoted cells and refuses other files', () => {
    const read = readPostcodeDirectory(
      '"pcds","oslaua","oseast1m","osnrth1m"\n"DA1 1AA","E07000107","553654","174061"\n',
    );
    expect('problem' in read ? read.problem : read.lookup('DA1 1AA')?.la).toBe('E07000107');
    expect(readPostcodeDirectory('name,address\n')).toHaveProperty('problem');
  });

  const directory = [
    '"pcd","pcd2","pcds","oslaua","oseast1m","osnrth1m"',
    '"DA1 1AA","DA1  1AA","DA1 1AA","E07000107","553654","174061"',
    '"E1  6AN","E1   6AN","E1 6AN","E09000030","533900","181600"',
    '"ZE1 0AA","ZE1  0AA","ZE1 0AA","S12000027","",""',
  ].join('\r\n');

  it('keeps only the wanted postcodes, however the file is cut into chunks', () => {
    const bytes = new TextEncoder().encode(directory);
    // Every place a chunk could end, including inside the header, a postcode and a line ending.
    for (let cut = 0; cut <= bytes.length; cut++) {
      const reader = postcodeDirectoryReader(['e16an', 'DA1 1AA', 'AB1 2CD']);
      reader.push(bytes.subarray(0, cut));
      reader.push(bytes.subarray(cut));
      const read = reader.finish();
      if ('problem' in read) throw new Error(read.problem);
      expect(read.size).toBe(2);
      expect(read.lookup('E1 6AN')).toEqual({ la: 'E09000030', easting: 533900, northing: 181600 });
      expect(read.lookup('DA11AA')?.la).toBe('E07000107');
      expect(read.lookup('ZE1 0AA')).toBeUndefined();
    }
  });

  it('says why a file that is empty or not the directory cannot be read', () => {
    expect(postcodeDirectoryReader(['DA1 1AA']).finish()).toEqual({ problem: 'it is empty' });
    expect(readPostcodeDirectory('postcode,council\nDA1 1AA,Kent\n', ['DA1 1AA'])).toHaveProperty('problem');
  });
});
