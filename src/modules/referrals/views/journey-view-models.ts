import { codeInWords } from '../../../domain/codes/code-lists.ts';
import { assessmentOutcomes, cinCodes, contactDecisions } from '../../../domain/journey/rules.ts';

export const decisionNames: Record<(typeof contactDecisions)[number], string> = {
  'no-further-action': 'No further action',
  'information-and-advice': 'Information and advice',
  'early-help': 'Early help',
  referral: 'Referral to children’s social care',
};

export const outcomeNames: Record<(typeof assessmentOutcomes)[number], string> = {
  'no-further-action': 'No further action',
  'early-help': 'Step down to early help',
  'child-in-need-plan': 'Child in need plan',
  'strategy-discussion': 'Strategy discussion',
  'looked-after': 'Looked after',
  other: 'Other',
};

/** Items for a GOV.UK select of one CIN code list, with a blank first choice and the chosen code selected. */
export function codeSelectItems(field: string, today: string, selected: unknown) {
  const list = cinCodes(field, today);
  return [
    { value: '', text: 'Choose' },
    ...[...list.meanings].map(([code, meaning]) => ({
      value: code,
      text: `${code}: ${meaning}`,
      selected: code === selected,
    })),
  ];
}

/** A CIN code list as words with the code after them, for showing recorded codes: `{ N1: 'Abuse or neglect (N1)' }`. */
export function codeWords(field: string, today: string): Record<string, string> {
  const list = cinCodes(field, today);
  return Object.fromEntries([...list.meanings.keys()].map((code) => [code, codeInWords(list, code)]));
}

/** Recorded CIN codes as words, each with its code: `['2B', '3A']` → "Domestic violence … (2B); Drug misuse … (3A)". */
export function codesInWords(field: string, today: string): (codes: readonly string[]) => string {
  const words = codeWords(field, today);
  return (codes) => codes.map((code) => words[code] ?? code).join('; ');
}

/** Checkbox items for the CIN assessment factors in the order of their numbers (1A before 10A), the chosen ones checked. */
export function factorItems(today: string, chosen: unknown) {
  const checked = new Set(Array.isArray(chosen) ? chosen : chosen ? [chosen] : []);
  return [...cinCodes('AssessmentFactors', today).meanings]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([code, meaning]) => ({
      value: code,
      text: `${code}: ${meaning}`,
      checked: checked.has(code),
    }));
}

/** Radio or select items from a map of value to name. */
export function namedItems(names: Record<string, string>, selected: unknown) {
  return Object.entries(names).map(([value, text]) => ({
    value,
    text,
    checked: value === selected,
    selected: value === selected,
  }));
}

/** The episode as the API shows it. */
export function episodeSummary(episode: {
  id: string;
  referral_date: string;
  referral_source: string;
  primary_need: string;
  re_referral: boolean;
  no_further_action: boolean;
  closed_on: string | null;
  closure_reason: string | null;
  version: number;
  assessments: Array<{
    id: string;
    start_date: string;
    factors: string[];
    outcome: string | null;
    authorised_on: string | null;
    version: number;
  }>;
}) {
  return {
    id: episode.id,
    referralDate: episode.referral_date,
    referralSource: episode.referral_source,
    primaryNeed: episode.primary_need,
    reReferral: episode.re_referral,
    noFurtherAction: episode.no_further_action,
    closedOn: episode.closed_on,
    closureReason: episode.closure_reason,
    version: episode.version,
    assessments: episode.assessments.map((assessment) => ({
      id: assessment.id,
      startDate: assessment.start_date,
      factors: assessment.factors,
      outcome: assessment.outcome,
      authorisedOn: assessment.authorised_on,
      version: assessment.version,
    })),
  };
}
