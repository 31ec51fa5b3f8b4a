import { describe, expect, it } from 'vitest';
import { financialYear } from './periods.ts';
import { aChild, anEpisode, figureOf } from './test-children.ts';

/** 2025–26: 1 April 2025 to 31 March 2026. */
const year = financialYear(2025);

/** An assessment of episode `episode` from `start`, authorised on `authorised` (or not yet). */
const anAssessment = (id: string, episode: string, start: string, authorised: string | null) => ({
  id,
  episode_id: episode,
  start_date: start,
  authorised_on: authorised,
});

const children = [
  aChild('Ada', {
    contacts: [
      { id: 'a0', received_at: '2025-03-31', decision: 'referral' }, // the day before the year: not counted
      { id: 'a1', received_at: '2025-04-10', decision: 'referral' },
      { id: 'a2', received_at: '2025-05-01', decision: 'no-further-action' },
    ],
    // A2 starts exactly 12 months after A1: A1 is on the first day of the 12 months before, so a re-referral.
    episodes: [anEpisode('A1', '2024-06-01', { closedOn: '2024-09-01' }), anEpisode('A2', '2025-06-01')],
  }),
  aChild('Bea', {
    contacts: [
      // 23:30 UTC on 31 March 2025 is 00:30 on 1 April in England (BST): in the year.
      { id: 'b1', received_at: new Date('2025-03-31T23:30:00Z'), decision: 'early-help' },
      // 23:30 UTC on 31 March 2026 is 00:30 on 1 April 2026 in England: after the year.
      { id: 'b2', received_at: new Date('2026-03-31T23:30:00Z'), decision: 'referral' },
    ],
    // B2 starts 12 months and a day after B1: B1 is outside the 12 months before, so no re-referral.
    episodes: [
      anEpisode('B1', '2024-05-31', { closedOn: '2024-08-01' }),
      anEpisode('B2', '2025-06-01', { nfa: true }),
    ],
  }),
  aChild('Cy', {
    episodes: [anEpisode('G1', '2025-07-01', { nfa: true }), anEpisode('G2', '2025-08-01')],
  }),
  // Easter 2025: Good Friday 18 April, Easter Monday 21 April. From Tue 25 February 2025 (day 0) the 45th working
  // day is Thu 1 May 2025 (it would be Tue 29 April without the two bank holidays). From the referral on Thu
  // 20 February 2025 it is Mon 28 April 2025.
  aChild('Dan', {
    episodes: [anEpisode('C1', '2025-02-20')],
    assessments: [anAssessment('c1', 'C1', '2025-02-25', '2025-05-01')],
  }),
  aChild('Eli', {
    episodes: [anEpisode('D1', '2025-02-25')],
    assessments: [anAssessment('d1', 'D1', '2025-02-25', '2025-05-02')],
  }),
  aChild('Fay', {
    episodes: [anEpisode('E1', '2025-01-06'), anEpisode('H1', '2025-09-01')],
    assessments: [
      anAssessment('e1', 'E1', '2025-01-06', '2025-03-31'), // authorised before the year: not counted
      anAssessment('h1', 'H1', '2025-09-01', '2025-09-10'),
      anAssessment('h2', 'H1', '2025-09-15', null), // not yet authorised: not counted
    ],
  }),
];

describe('front door indicators over 2025–26', () => {
  it.each([
    // Ada a1, a2 and Bea b1: 3 contacts (Ada a0 and Bea b2 fall outside the year).
    ['contacts', 3, null, 3, ['Ada', 'Bea']],
    // Of those 3, only Ada's a1 was a referral: 1 / 3.
    ['contacts-to-referral', 1, 3, 33.3, ['Ada']],
    // Ada A2, Bea B2, Cy G1 and G2, Fay H1 (A1, B1, C1, D1 and E1 are before the year): 5.
    ['referrals', 5, null, 5, ['Ada', 'Bea', 'Cy', 'Fay']],
    // Re-referrals: Ada A2 (exactly 12 months after A1), Cy G2 (a month after G1) and Fay H1 (8 months after E1);
    // not Bea B2 (12 months and a day after B1) nor Cy G1 (the first): 3 / 5.
    ['re-referrals-12m', 3, 5, 60, ['Ada', 'Cy', 'Fay']],
    // Bea B2 and Cy G1 ended in no further action: 2 / 5.
    ['referrals-nfa', 2, 5, 40, ['Bea', 'Cy']],
    // Authorised in the year: Dan c1 (1 May, the 45th working day from its start: in time), Eli d1 (2 May, the
    // 46th: late), Fay h1 (7 working days): 2 / 3.
    ['assessments-45wd', 2, 3, 66.7, ['Dan', 'Fay']],
    // From the referral: Dan's was due 28 April (late), Eli's 1 May (late), Fay's h1 in time: 1 / 3.
    ['assessments-45wd-from-referral', 1, 3, 33.3, ['Fay']],
  ])('%s: %d of %s (%s)', (id, numerator, denominator, value, counted) => {
    const figure = figureOf(id, children, year);
    expect(figure).toMatchObject({ numerator, denominator, value });
    expect(figure.children).toEqual(counted);
  });

  it('gives referrals per 10,000 children from the 0–17 population', () => {
    // 5 referrals among 20,000 children: 2.5 per 10,000.
    expect(figureOf('referrals', children, year, { population0To17: 20_000 }).ratePer10000).toBe(2.5);
    expect(figureOf('referrals', children, year).ratePer10000).toBeNull();
  });

  it('has no percentage when nothing is counted', () => {
    expect(figureOf('assessments-45wd', [], year)).toMatchObject({
      numerator: 0,
      denominator: 0,
      value: null,
    });
  });
});
