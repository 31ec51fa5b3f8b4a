import { describe, expect, it } from 'vitest';
import {
  aChild,
  aCinPlan,
  anAssessment,
  anEpisode,
  aProtectionPlan,
  aSection47,
  census,
  findingsOf,
} from './test-builders.ts';
import { readCin } from './read.ts';
import { cinReturnRules, cinRules, validateCin } from './validate.ts';

describe('validating a CIN census (2025–26)', () => {
  it('holds each rule once, with a message, fields and its years', () => {
    const rules = [...cinRules, ...cinReturnRules];
    expect(new Set(rules.map((rule) => rule.code)).size).toBe(rules.length);
    for (const rule of rules) {
      expect(rule.message, rule.code).not.toBe('');
      expect(rule.fields.length, rule.code).toBeGreaterThan(0);
      expect(rule.years.from, rule.code).toBe(2025);
      expect(rule.code.endsWith('Q'), rule.code).toBe(rule.severity === 'query');
    }
  });

  it('finds nothing in a child whose records break no rule', () => {
    const rich = aChild({}, [
      anEpisode(
        { CINclosureDate: '2026-02-01', ReasonForClosure: 'RC1' },
        anAssessment(),
        aSection47(),
        aProtectionPlan({ CPPendDate: '2026-01-10' }, ['2025-12-01']),
        aCinPlan({ CINPlanStartDate: '2026-01-10', CINPlanEndDate: '2026-02-01' }),
      ),
      anEpisode({ CINreferralDate: '2024-03-01', CINclosureDate: '2025-05-01', ReasonForClosure: 'RC1' }),
    ]);
    for (const xml of [census(aChild()), census(rich)]) {
      // 2887Q asks a whole council for more than 7 disability codes: one child cannot pass it.
      expect(findingsOf(xml).filter((finding) => finding.rule !== '2887Q')).toEqual([]);
    }
  });

  it('lists reading problems first, then rules over the whole return (no child), then each child', () => {
    const xml = census(aChild({ PersonBirthDate: '27/03/2015' }), aChild({ LAchildID: 'C2', Sex: 'X' }));
    const validation = validateCin(readCin({ name: 'cin.xml', content: xml }), { year: 2025 });
    expect(validation.findings.slice(0, 2).map((finding) => [finding.rule, finding.child])).toEqual([
      ['READ-DATE', 'C1'],
      ['2887Q', ''],
    ]);
    expect(validation.findings.find((finding) => finding.rule === '4180')).toMatchObject({
      child: 'C2',
      table: 'ChildIdentifiers',
      row: 2,
      fields: ['Sex'],
      severity: 'error',
    });
    expect(validation.ran).toHaveLength(cinRules.length + cinReturnRules.length);
    expect(validation.skipped).toEqual([]);
  });

  it('runs no rule for a year before 2025–26', () => {
    const validation = validateCin(readCin({ name: 'cin.xml', content: census(aChild()) }), { year: 2024 });
    expect(validation.ran).toEqual([]);
  });
});
