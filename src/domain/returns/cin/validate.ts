import { codeList, type CodeList } from '../../codes/code-lists.ts';
import type { IsoDate } from '../dates.ts';
import { runRules, type Rule, type RuleFlag, type RuleInputs, type Validation } from '../engine.ts';
import { findingOfProblem, type ReadProblem } from '../findings.ts';
import type { CinChild, CinDetails, CinReturn } from './read.ts';

export interface CinContext extends RuleInputs {
  readonly collectionStart: IsoDate;
  readonly collectionEnd: IsoDate;
  /** How many children of the return carry each LAchildID (rule 8510). */
  readonly idCounts: ReadonlyMap<string, number>;
  codes(field: string): CodeList;
}

export type CinRule = Rule<CinChild, CinContext>;

const childFlag = (child: CinChild): RuleFlag[] => [{ table: 'ChildIdentifiers', row: child.row }];
const detailsFlags = (child: CinChild, broken: (details: CinDetails) => boolean): RuleFlag[] =>
  child.CINdetails.filter(broken).map(() => ({ table: 'CINdetails', row: child.row }));

/** A CINdetails field that, when given, must be a code of the year's list. */
function detailsCode(
  code: string,
  message: string,
  field: 'ReferralSource' | 'PrimaryNeedCode' | 'ReasonForClosure',
): CinRule {
  return {
    code,
    message,
    tables: ['CINdetails'],
    fields: [field],
    years: { from: 2025 },
    check: (child, context) =>
      detailsFlags(child, (details) => details[field] !== null && !context.codes(field).has(details[field])),
  };
}

/** CIN census rules of 2025–26 implemented so far (DfE CIN census validation rules). */
export const cinRules: readonly CinRule[] = [
  {
    code: '8510',
    message: 'More than one child in the return has this LA child id.',
    tables: ['ChildIdentifiers'],
    fields: ['LAchildID'],
    years: { from: 2025 },
    check: (child, context) => ((context.idCounts.get(child.id) ?? 0) > 1 ? childFlag(child) : []),
  },
  {
    code: '8520',
    message: 'The date of birth is after the end of the census year.',
    tables: ['ChildIdentifiers'],
    fields: ['PersonBirthDate'],
    years: { from: 2025 },
    check: (child, context) =>
      child.PersonBirthDate !== null && child.PersonBirthDate > context.collectionEnd ? childFlag(child) : [],
  },
  {
    code: '4180',
    message: "The child's sex is missing or not a valid code.",
    tables: ['ChildIdentifiers'],
    fields: ['Sex'],
    years: { from: 2025 },
    check: (child, context) => (context.codes('Sex').has(child.Sex) ? [] : childFlag(child)),
  },
  {
    code: '8600',
    message: 'The referral date is missing or after the end of the census year.',
    tables: ['CINdetails'],
    fields: ['CINreferralDate'],
    years: { from: 2025 },
    check: (child, context) =>
      detailsFlags(
        child,
        (details) => details.CINreferralDate === null || details.CINreferralDate > context.collectionEnd,
      ),
  },
  detailsCode('8866', 'The source of the referral is not a valid code.', 'ReferralSource'),
  detailsCode('8650', 'The primary need code is not a valid code.', 'PrimaryNeedCode'),
  detailsCode('8640', 'The reason for closure is not a valid code.', 'ReasonForClosure'),
  {
    code: '8810',
    message: 'A reason for closure is given without a closure date.',
    tables: ['CINdetails'],
    fields: ['ReasonForClosure', 'CINclosureDate'],
    years: { from: 2025 },
    check: (child) =>
      detailsFlags(child, (details) => details.ReasonForClosure !== null && details.CINclosureDate === null),
  },
];

/** Validates a read CIN census against the rules of `year`, in one pass over the children. */
export function validateCin(
  reading: { return: CinReturn; problems: readonly ReadProblem[] },
  options: { year: number },
  onChild?: () => void,
): Validation {
  const idCounts = new Map<string, number>();
  for (const child of reading.return.children) idCounts.set(child.id, (idCounts.get(child.id) ?? 0) + 1);
  const context: CinContext = {
    year: options.year,
    has: new Set(),
    collectionStart: `${options.year}-04-01`,
    collectionEnd: `${options.year + 1}-03-31`,
    idCounts,
    codes: (field) => codeList('CIN', field, options.year),
  };
  const validation = runRules(cinRules, reading.return.children, context, onChild);
  return { ...validation, findings: [...reading.problems.map(findingOfProblem), ...validation.findings] };
}
