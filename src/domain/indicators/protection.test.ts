import { describe, expect, it } from 'vitest';
import type { ChildFacts } from './facts.ts';
import { financialYear } from './periods.ts';
import { aChild, anEpisode, figureOf } from './test-children.ts';

/** 2025–26: 1 April 2025 to 31 March 2026. */
const year = financialYear(2025);

/** A strategy discussion on `held`, the section 47 enquiry it started, and its initial conference, if held. */
function anEnquiry(
  id: string,
  held: string,
  conference?: { on: string; plan: boolean },
): Pick<ChildFacts, 'strategy_discussions' | 'section47_enquiries' | 'initial_conferences'> {
  return {
    strategy_discussions: [{ id: `${id}-sd`, held_on: held }],
    section47_enquiries: [{ id, strategy_discussion_id: `${id}-sd`, started_on: held }],
    initial_conferences: conference
      ? [
          {
            id: `${id}-icpc`,
            section47_id: id,
            held_on: conference.on,
            outcome: conference.plan ? 'child-protection-plan' : 'no-plan',
          },
        ]
      : [],
  };
}

const aPlan = (id: string, start: string, end: string | null = null) => ({
  id,
  conference_id: `${id}-icpc`,
  start_date: start,
  end_date: end,
});

const children = [
  // Discussion Mon 2 June 2025 (day 0): the 15th working day is Mon 23 June, the day the conference met.
  aChild('Pia', {
    ...anEnquiry('p', '2025-06-02', { on: '2025-06-23', plan: true }),
    cp_plans: [aPlan('p', '2025-06-23')],
    episodes: [anEpisode('P1', '2025-05-01')],
  }),
  // Discussion Mon 15 December 2025: Christmas, Boxing Day and New Year's Day put the 15th working day on Thu
  // 8 January 2026; the conference met on Fri 9 January: late, and made no plan.
  aChild('Quin', {
    ...anEnquiry('q', '2025-12-15', { on: '2026-01-09', plan: false }),
    episodes: [anEpisode('Q1', '2025-12-01', { closedOn: '2026-03-31' })],
  }),
  // An enquiry started 20 March 2026 whose conference met after the year: no conference by 31 March.
  aChild('Rae', anEnquiry('r', '2026-03-20', { on: '2026-04-02', plan: true })),
  // An enquiry of the year before (Mon 3 March 2025, due Mon 24 March) whose conference met on 1 April: late.
  // Her plan from it ended on 31 March 2026; she had a plan before, from 2022 to 2024.
  aChild('Sol', {
    ...anEnquiry('s', '2025-03-03', { on: '2025-04-01', plan: true }),
    cp_plans: [aPlan('s0', '2022-01-10', '2024-01-10'), aPlan('s', '2025-04-01', '2026-03-31')],
  }),
  // A plan ending on its second anniversary lasted two years.
  aChild('Tam', { cp_plans: [aPlan('t', '2023-05-15', '2025-05-15')] }),
  // One day short of two years.
  aChild('Uma', { cp_plans: [aPlan('u', '2023-05-16', '2025-05-15')] }),
  // Begun on 29 February 2024: its second anniversary is 28 February 2026 (as "within N months" clamps).
  aChild('Vic', { cp_plans: [aPlan('v', '2024-02-29', '2026-02-28')] }),
  // A second plan, starting on the last day of the year, is open on it.
  aChild('Wes', { cp_plans: [aPlan('w0', '2020-01-01', '2021-01-01'), aPlan('w', '2026-03-31')] }),
  aChild('Xan', { episodes: [anEpisode('X1', '2026-03-31')] }),
  aChild('Yve', { episodes: [anEpisode('Y1', '2025-10-01', { closedOn: '2026-04-01' })] }),
];

describe('help and protection indicators over 2025–26', () => {
  it.each([
    // Pia, Quin and Rae's enquiries started in the year (Sol's in March 2025): 3.
    ['s47', 3, null, 3, ['Pia', 'Quin', 'Rae']],
    // Pia's and Quin's had a conference by 31 March; Rae's met on 2 April: 2 / 3.
    ['s47-to-icpc', 2, 3, 66.7, ['Pia', 'Quin']],
    // Conferences held in the year: Pia (on the 15th working day), Quin (the 16th), Sol (1 April, due 24 March):
    // 1 / 3.
    ['icpc-15wd', 1, 3, 33.3, ['Pia']],
    // Pia's and Sol's made a plan, Quin's did not: 2 / 3.
    ['icpc-to-plan', 2, 3, 66.7, ['Pia', 'Sol']],
    // Open on 31 March 2026: Pia's and Wes's (started that day); Sol's ended that day, so is not: 2.
    ['cp-plans-at-end', 2, null, 2, ['Pia', 'Wes']],
    // Starting in the year: Sol (1 April 2025), Pia (23 June 2025), Wes (31 March 2026): 3.
    ['cp-plans-started', 3, null, 3, ['Pia', 'Sol', 'Wes']],
    // Sol and Wes had a plan before: 2 / 3.
    ['cp-plans-repeat', 2, 3, 66.7, ['Sol', 'Wes']],
    // Ending in the year: Sol (under a year), Tam (on the second anniversary), Uma (a day short), Vic (on
    // 28 February 2026, the second anniversary of 29 February 2024): 2 / 4.
    ['cp-plans-ended-2y', 2, 4, 50, ['Tam', 'Vic']],
    // Open on 31 March 2026: Pia's, Xan's (referred that day) and Yve's (closed the day after); Quin's closed on
    // it: 3.
    ['cin-at-end', 3, null, 3, ['Pia', 'Xan', 'Yve']],
  ])('%s: %d of %s (%s)', (id, numerator, denominator, value, counted) => {
    const figure = figureOf(id, children, year);
    expect(figure).toMatchObject({ numerator, denominator, value });
    expect([...figure.children].sort()).toEqual(counted);
  });

  it('gives rates per 10,000 children for enquiries, plans and children in need', () => {
    // 3 enquiries, 2 plans open and 3 children in need among 12,000 children.
    const rates = ['s47', 'cp-plans-at-end', 'cin-at-end'].map(
      (id) => figureOf(id, children, year, { population0To17: 12_000 }).ratePer10000,
    );
    expect(rates).toEqual([2.5, 1.7, 2.5]);
  });
});
