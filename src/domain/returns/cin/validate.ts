import { codeList } from '../../codes/code-lists.ts';
import { rulesOfYear, runRules, type Validation } from '../engine.ts';
import { findingOfProblem, type Finding, type ReadProblem } from '../findings.ts';
import type { CinReturn } from './read.ts';
import { assessmentRules } from './rules/assessments.ts';
import { cinDetailsRules } from './rules/cin-details.ts';
import { cinPlanRules } from './rules/cin-plans.ts';
import { censusDates, type CinContext, type CinReturnRule, type CinRule } from './rules/context.ts';
import { cpPlanReturnRules, cpPlanRules } from './rules/cp-plans.ts';
import { identifierReturnRules, identifierRules } from './rules/identifiers.ts';
import { section47Rules } from './rules/section47.ts';

export type { CinContext, CinReturnRule, CinRule };

/** The CIN census rules checked child by child (DfE CIN census validation rules, 2025–26). */
export const cinRules: readonly CinRule[] = [
  ...identifierRules,
  ...cinDetailsRules,
  ...assessmentRules,
  ...cinPlanRules,
  ...section47Rules,
  ...cpPlanRules,
];

/** The CIN census rules checked once over the whole return: the header and council-level counts. */
export const cinReturnRules: readonly CinReturnRule[] = [...identifierReturnRules, ...cpPlanReturnRules];

function countBy(values: Iterable<string | null>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/**
 * Validates a read CIN census against the rules of `year`: the per-child rules in one pass over the
 * children, then the few rules over the whole return. Reading problems come first in the findings.
 */
export function validateCin(
  reading: { return: CinReturn; problems: readonly ReadProblem[] },
  options: { year: number },
  onChild?: () => void,
): Validation {
  const { children } = reading.return;
  const context: CinContext = {
    year: options.year,
    has: new Set(),
    ...censusDates(options.year),
    idCounts: countBy(children.map((child) => child.id)),
    upnCounts: countBy(children.map((child) => child.UPN)),
    codes: (field) => codeList('CIN', field, options.year),
  };
  const validation = runRules(cinRules, children, context, onChild);
  const returnRules = rulesOfYear(cinReturnRules, options.year);
  const returnFindings: Finding[] = returnRules.flatMap((rule) =>
    rule.check(reading.return, context).map((flag) => ({
      rule: rule.code,
      child: '',
      table: flag.table,
      row: flag.row,
      fields: flag.fields ?? rule.fields,
      message: rule.message,
      severity: rule.severity ?? 'error',
    })),
  );
  return {
    findings: [...reading.problems.map(findingOfProblem), ...returnFindings, ...validation.findings],
    skipped: validation.skipped,
    ran: [...returnRules.map((rule) => rule.code), ...validation.ran],
  };
}
