import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { childSummaryList } from './child-view-models.ts';

describe('childSummaryList', () => {
  it('gives the child’s journey status in words after their identity', () => {
    const rows = childSummaryList({
      id: 'c1',
      local_id: 'C1',
      given_name: 'Jo',
      family_name: 'Smith',
      date_of_birth: '2008-03-14',
      status: {
        stage: 'care-leaver',
        since: Temporal.PlainDate.from('2026-03-14'),
        details: { status: 'former-relevant' },
      },
    });
    expect(rows.map((row) => `${row.key.text}: ${row.value.text}`)).toEqual([
      'Name: Jo Smith',
      'Child ID: C1',
      'Date of birth: 14 March 2008',
      'Status: Care leaver: former relevant',
    ]);
  });
});
