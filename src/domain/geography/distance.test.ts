import { describe, expect, it } from 'vitest';
import { milesBetween, postcodeKey } from './distance.ts';

describe('milesBetween', () => {
  it.each([
    ['the same point', { easting: 553654, northing: 174061 }, { easting: 553654, northing: 174061 }, 0],
    // DA1 1AA to DA1 1AB in the ONS directory: 491 m east, 71 m north → 496 m → 0.3 miles.
    [
      'two neighbouring Dartford postcodes',
      { easting: 553654, northing: 174061 },
      { easting: 554145, northing: 174132 },
      0.3,
    ],
    [
      'exactly one mile due north',
      { easting: 500000, northing: 100000 },
      { easting: 500000, northing: 101609.344 },
      1,
    ],
    [
      '20 miles is 32,186.88 m',
      { easting: 400000, northing: 300000 },
      { easting: 432186.88, northing: 300000 },
      20,
    ],
  ])('%s', (_name, from, to, miles) => {
    expect(milesBetween(from, to)).toBe(miles);
    expect(milesBetween(to, from)).toBe(miles);
  });
});

describe('postcodeKey', () => {
  it.each([
    ['DA1 1AA', 'DA11AA'],
    [' da1  1aa ', 'DA11AA'],
    ['SW1A1AA', 'SW1A1AA'],
  ])('%s → %s', (postcode, key) => expect(postcodeKey(postcode)).toBe(key));
});
