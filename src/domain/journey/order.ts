import type { Problem } from './rules.ts';

/**
 * The order that dates on a child's record must keep (Working Together to Safeguard Children 2023; Care
 * Planning, Placement and Case Review (England) Regulations 2010): nothing happens before the child is born or
 * before what it follows, and nothing ends before it starts. Each rule is one row: the date checked, the date it
 * may not precede, and the words shown when it does.
 */
export interface DateOrderRule {
  path: string;
  date: string | null;
  notBefore: string | null | undefined;
  message: string;
}

/** The problems among the rules: a rule with either date missing is not broken. */
export function dateOrderProblems(rules: readonly DateOrderRule[]): Problem[] {
  return rules
    .filter((rule) => rule.date !== null && rule.notBefore && rule.date < rule.notBefore)
    .map((rule) => ({ path: rule.path, message: rule.message }));
}

/** Whether two periods share a day. An open period (no end) runs on for ever. */
export function periodsOverlap(
  first: { start: string; end: string | null },
  second: { start: string; end: string | null },
): boolean {
  const firstEnds = first.end ?? '9999-12-31';
  const secondEnds = second.end ?? '9999-12-31';
  return first.start <= secondEnds && second.start <= firstEnds;
}
