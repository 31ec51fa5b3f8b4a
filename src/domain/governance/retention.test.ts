import { describe, expect, it } from 'vitest';
import { retentionOf, reviewDueBy, type RecordForRetention } from './retention.ts';

const closed: RecordForRetention = {
  dateOfBirth: '2005-06-15',
  dateOfDeath: null,
  everLookedAfter: false,
  adoptionOrderDate: null,
  involvementEndedOn: '2015-03-31',
  open: false,
};

describe('when a child’s record is due for review (never deleted)', () => {
  it.each([
    // [what, the record, the review date, why]
    ['a child in need, closed at 9: the 25th birthday', {}, '2030-06-15', 'council-policy'],
    [
      'closed at 17: the 26th birthday (IRMS)',
      { involvementEndedOn: '2023-01-10' },
      '2031-06-15',
      'council-policy',
    ],
    [
      'closed the day before the 18th birthday',
      { involvementEndedOn: '2023-06-14' },
      '2031-06-15',
      'council-policy',
    ],
    [
      'closed on the 18th birthday: the 25th',
      { involvementEndedOn: '2023-06-15' },
      '2030-06-15',
      'council-policy',
    ],
    ['ever looked after: the 75th birthday', { everLookedAfter: true }, '2080-06-15', 'looked-after'],
    [
      'looked after and died at 12: 15 years from the death (regulation 50)',
      { everLookedAfter: true, dateOfDeath: '2017-11-02' },
      '2032-11-02',
      'looked-after-died',
    ],
    [
      'looked after and died at 19: the 75th birthday still',
      { everLookedAfter: true, dateOfDeath: '2024-07-01' },
      '2080-06-15',
      'looked-after',
    ],
    [
      'adopted: 100 years from the order (regulation 42), whatever else',
      { everLookedAfter: true, adoptionOrderDate: '2008-02-29' },
      '2108-02-29',
      'adopted',
    ],
    [
      'born on 29 February: the 25th birthday is 1 March',
      { dateOfBirth: '2004-02-29' },
      '2029-03-01',
      'council-policy',
    ],
  ] as const)('%s', (_what, change, reviewOn, reason) => {
    expect(retentionOf({ ...closed, ...change })).toEqual({ kind: 'review', reason, reviewOn });
  });

  it('keeps an open record while it is open, and says when a date of birth is missing', () => {
    expect(retentionOf({ ...closed, open: true, involvementEndedOn: null })).toEqual({
      kind: 'kept-while-open',
    });
    expect(retentionOf({ ...closed, dateOfBirth: null })).toEqual({ kind: 'no-date-of-birth' });
    expect(retentionOf({ ...closed, dateOfBirth: null, everLookedAfter: true })).toEqual({
      kind: 'no-date-of-birth',
    });
  });

  it('follows the council’s policy for children never looked after, and not for those who were', () => {
    const policy = { othersUntilBirthday: 30 };
    expect(retentionOf(closed, policy)).toMatchObject({ reviewOn: '2035-06-15' });
    expect(retentionOf({ ...closed, everLookedAfter: true }, policy)).toMatchObject({
      reviewOn: '2080-06-15',
    });
  });

  it('never reviews a record before the involvement ended, even if the policy’s birthday has passed', () => {
    expect(retentionOf({ ...closed, involvementEndedOn: '2031-01-05' })).toMatchObject({
      reviewOn: '2031-01-05',
    });
  });

  it('is due on its review date, not the day before', () => {
    const retention = retentionOf(closed);
    expect(reviewDueBy(retention, '2030-06-14')).toBe(false);
    expect(reviewDueBy(retention, '2030-06-15')).toBe(true);
    expect(reviewDueBy({ kind: 'kept-while-open' }, '2099-12-31')).toBe(false);
  });
});
