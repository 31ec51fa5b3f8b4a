import { describe, expect, it } from 'vitest';
import { annexALists, annexAWindow } from './lists.ts';

const list = (number: number) => annexALists.find((each) => each.number === number)!;

describe("Ofsted's Annex A lists (issue 18, part 3)", () => {
  it('has the eleven lists, each beginning with the child (or adopter) it is about', () => {
    expect(annexALists.map((each) => each.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const each of annexALists.slice(0, 10)) expect(each.columns[0]).toBe('Child Unique ID');
    expect(list(11).columns[0]).toBe('Individual adopter identifier');
  });

  it.each([
    ['six months to 30 November 2026', 1, '2026-11-30', undefined, '2026-06-01'],
    [
      'six months to 31 August 2026 (1 March, whatever February’s length)',
      3,
      '2026-08-31',
      undefined,
      '2026-03-01',
    ],
    ['twelve months for adoption', 10, '2026-11-30', undefined, '2025-12-01'],
    ['twelve months for adopters', 11, '2026-11-30', undefined, '2025-12-01'],
    ['a chosen first day', 1, '2026-11-30', '2026-01-01', '2026-01-01'],
    ['a chosen first day inside adoption’s twelve months', 10, '2026-11-30', '2026-09-01', '2025-12-01'],
    ['a chosen first day before adoption’s twelve months', 10, '2026-11-30', '2025-01-01', '2025-01-01'],
  ])('%s: list %i from %s', (_case, number, to, from, expected) => {
    expect(annexAWindow(list(number), to, from)).toEqual({ from: expected, to });
  });
});
