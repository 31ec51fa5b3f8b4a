import type { FieldProblem } from './errors.ts';

/**
 * What a GOV.UK form needs to show its errors (STYLE.md rule 6): a summary at the top whose items link to each
 * field, and the same words beside each field. Field paths become ids: `dateOfBirth` links to `#dateOfBirth`.
 */
export function formErrors(problems: FieldProblem[]) {
  const errors: Record<string, { text: string }> = {};
  for (const problem of problems) errors[problem.path] ??= { text: problem.message };
  return {
    errorSummary: Object.entries(errors).map(([path, error]) => ({ text: error.text, href: `#${path}` })),
    errors,
  };
}
