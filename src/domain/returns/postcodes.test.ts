import { describe, expect, it } from 'vitest';
import { readPostcodeDirectory } from './postcodes.ts';

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
});
