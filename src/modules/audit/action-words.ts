import { auditActionWords } from '../../platform/audit-actions.ts';

/**
 * What each audit action means, in words, for the audit pages (issue 17 part 9: words, not codes). The code stays
 * in the log and in a detail beside the words, for the auditor who searches by it or reads the log's raw form.
 */
const actionWords: Readonly<Record<string, string>> = auditActionWords;

/** The actions that have words, for the audit trail's filter, in alphabetical order of their words. */
export const actionChoices: ReadonlyArray<{ value: string; text: string }> = Object.entries(actionWords)
  .map(([value, text]) => ({ value, text }))
  .sort((a, b) => a.text.localeCompare(b.text, 'en-GB'));

/**
 * An audit action in words. An action without its own words (a recording form's, such as `placement.recorded`)
 * reads from its code: "Placement recorded". A refusal says so.
 */
export function actionInWords(action: string, outcome: string): string {
  const words = actionWords[action] ?? fromCode(action);
  return outcome === 'refused' && !action.includes('refused') ? `${words} (refused)` : words;
}

/** `care-review.recorded` as "Care review recorded". */
function fromCode(action: string): string {
  const words = action.replace(/[.-]/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Whether an action has its own words (for the test that every audited route has them). */
export function hasOwnWords(action: string): boolean {
  return action in actionWords;
}
