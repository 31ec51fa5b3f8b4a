import { describe, expect, it } from 'vitest';
import { INDICATORS, indicatorById } from '../indicators/index.ts';
import {
  evidenceNotInHearth,
  figureLines,
  figureSentence,
  figuresToWatch,
  ILACS_AREAS,
  indicatorsOfArea,
  supervisionSentence,
  type FigureEvidence,
} from './self-evaluation.ts';

const evidence = (id: string, figure: Partial<FigureEvidence> = {}): FigureEvidence => ({
  definition: indicatorById(id)!,
  numerator: 0,
  denominator: null,
  value: null,
  yearBefore: null,
  england: null,
  ...figure,
});

describe('which figures evidence which ILACS judgement area', () => {
  it('gives every indicator to exactly one area, in the framework’s order', () => {
    expect(ILACS_AREAS.map((area) => area.area)).toEqual([
      'leadership',
      'help-and-protection',
      'children-in-care',
      'care-leavers',
    ]);
    const given = ILACS_AREAS.flatMap((area) => indicatorsOfArea(area.area, INDICATORS).map((one) => one.id));
    expect(given.toSorted()).toEqual(INDICATORS.map((one) => one.id).toSorted());
  });

  it.each([
    ['leadership', 'workforce-turnover'],
    ['help-and-protection', 'assessments-45wd'],
    ['help-and-protection', 'cp-plans-repeat'],
    ['children-in-care', 'cla-3-placements'],
    ['care-leavers', 'care-leavers-in-touch-19-21'],
  ] as const)('%s is evidenced by %s', (area, id) => {
    expect(indicatorsOfArea(area, INDICATORS).map((one) => one.id)).toContain(id);
  });

  it('says in every area that audits and feedback are not yet in Hearth', () => {
    for (const { area } of ILACS_AREAS) {
      const lines = evidenceNotInHearth(area).join(' ');
      expect(lines).toMatch(/does not yet record case audits/);
      expect(lines).toMatch(/feedback|what they told you/);
    }
  });
});

describe('a figure as a sentence of the draft', () => {
  // Higher is better for assessments in time: up on the year is better, below England is worse.
  it('writes a proportion with what it stands on, the year before and England, each judged', () => {
    expect(
      figureSentence(
        evidence('assessments-45wd', {
          numerator: 412,
          denominator: 528,
          value: 78,
          yearBefore: 71,
          england: { value: 82, year: '2024–25' },
        }),
      ),
    ).toBe(
      '78.0% of assessments were completed within 45 working days (412 of 528), up from 71.0% the year before (better), and below England’s 82.0% in 2024–25 (worse).',
    );
  });

  // Lower is better for re-referrals: down on the year is better, above England is worse.
  it('judges by the indicator’s direction where lower is better', () => {
    expect(
      figureSentence(
        evidence('re-referrals-12m', {
          numerator: 45,
          denominator: 200,
          value: 22.5,
          yearBefore: 25,
          england: { value: 21.9, year: '2024–25' },
        }),
      ),
    ).toBe(
      '22.5% of referrals were of a child referred in the 12 months before (45 of 200), down from 25.0% the year before (better), and above England’s 21.9% in 2024–25 (worse).',
    );
  });

  it('leaves England out where no figure is loaded, and says when nothing changed', () => {
    expect(
      figureSentence(
        evidence('care-leavers-in-touch-19-21', { numerator: 9, denominator: 10, value: 90, yearBefore: 90 }),
      ),
    ).toBe('90.0% of care leavers aged 19 to 21 were in touch (9 of 10), the same as the year before.');
  });

  it('writes a count with its rate and no judgement, and never beside England’s count', () => {
    expect(
      figureSentence(
        evidence('referrals', {
          numerator: 1234,
          value: 1234,
          ratePer10000: 456.7,
          yearBefore: 1100,
          england: { value: 600_000, year: '2024–25' },
        }),
      ),
    ).toBe('1,234 referrals were made (456.7 per 10,000 children), up from 1,100 the year before.');
  });

  it('writes the workforce’s rates and caseloads', () => {
    expect(
      figureSentence(
        evidence('workforce-turnover', { numerator: 3, denominator: 20, value: 15, yearBefore: 12.5 }),
      ),
    ).toBe('The social worker turnover rate was 15.0% (3 of 20), up from 12.5% the year before (worse).');
    expect(
      figureSentence(evidence('caseload-per-worker', { numerator: 412, denominator: 24, value: 17.2 })),
    ).toBe('The average caseload per social worker was 17.2 (412 children, 24.0 full-time workers).');
  });

  it('writes no count as "No", and gathers the figures with nothing to count into one line', () => {
    expect(figureSentence(evidence('s47', { value: 0, yearBefore: 0 }))).toBe(
      'No section 47 enquiries were started, the same as the year before.',
    );
    expect(
      figureLines([
        evidence('icpc-15wd'),
        evidence('referrals', { numerator: 6, value: 6 }),
        evidence('icpc-to-plan'),
      ]),
    ).toEqual([
      '6 referrals were made.',
      'Nothing to count in the year, so no figure, for: initial conferences within 15 working days; initial conferences leading to a plan.',
    ]);
  });

  it('says when there was nothing to count', () => {
    expect(figureSentence(evidence('icpc-15wd', { denominator: 0 }))).toBe(
      'Initial conferences within 15 working days: nothing to count in the year, so no figure.',
    );
  });
});

describe('prompts for what to do next', () => {
  it('names the figures worse than the year before or than England, and no counts', () => {
    expect(
      figuresToWatch([
        evidence('assessments-45wd', { value: 78, yearBefore: 71, england: { value: 82, year: '2024–25' } }),
        evidence('cla-3-placements', { value: 12, yearBefore: 10 }),
        evidence('icpc-15wd', { value: 90, yearBefore: 85 }),
        evidence('referrals', { value: 1234, yearBefore: 1000 }),
      ]),
    ).toEqual([
      'Assessments completed within 45 working days: worse than England’s in 2024–25.',
      'Children looked after with three or more placements in 12 months: worse than the year before.',
    ]);
  });
});

describe('supervision at the year’s end', () => {
  it('counts those up to date and those with none recorded', () => {
    expect(
      supervisionSentence(
        [
          { overdue: false, lastHeld: '2026-03-20' },
          { overdue: true, lastHeld: '2026-01-02' },
          { overdue: true, lastHeld: null },
          { overdue: false, lastHeld: '2026-03-30' },
          { overdue: false, lastHeld: null },
        ],
        '31 March 2026',
      ),
    ).toBe(
      'On 31 March 2026, 60.0% of practitioners and managers (3 of 5) were up to date with one-to-one supervision against the council’s standard; 1 of those overdue had no one-to-one supervision recorded in Hearth at all.',
    );
    expect(supervisionSentence([], '31 March 2026')).toBeNull();
  });
});
