import { birthday } from '../../dates.ts';
import { codeRule, type Ssda903Context, type Ssda903Rule } from '../context.ts';
import { ssda903Columns, type Oc2Row, type Ssda903Child } from '../tables.ts';
import { continuouslyLookedAfter, rowDob, rowRule } from './support.ts';

/** The OC2 items about children looked after for 12 months, coded 0 or 1: every column after SDQ_REASON. */
export const twelveMonthItems = ssda903Columns.OC2.slice(4);
/** The items every child of the OC2 cohort has, whatever their age. */
const healthItems = ['IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE'] as const;

const anyGiven = (row: Oc2Row, fields: readonly (keyof Oc2Row)[]) =>
  fields.some((field) => row[field] !== null);
const anyBlank = (row: Oc2Row, fields: readonly (keyof Oc2Row)[]) =>
  fields.some((field) => row[field] === null);
const sdqGiven = (row: Oc2Row) => row.SDQ_SCORE !== null || row.SDQ_REASON !== null;

/** The date the child turns `years`, from the OC2 row's date of birth or the header's. */
function turns(row: Oc2Row, child: Ssda903Child, years: number): string | null {
  const dob = rowDob(row, child);
  return dob === null ? null : birthday(dob, years);
}

/** An OC2 rule that needs the episodes, to know whether the child is in the 12-month cohort. */
function cohortRule(
  code: string,
  message: string,
  fields: readonly string[],
  broken: (row: Oc2Row, inCohort: boolean, child: Ssda903Child, context: Ssda903Context) => boolean,
): Ssda903Rule {
  return rowRule(
    code,
    message,
    'OC2',
    fields,
    (row, child, context) =>
      child.Episodes.length > 0 && broken(row, continuouslyLookedAfter(child, context), child, context),
    { alsoReads: ['Episodes'] },
  );
}

/**
 * SSDA903 rules of 2025–26 on OC2: outcomes (SDQ, convictions, health, substance misuse) of
 * children looked after continuously for at least 12 months at 31 March.
 */
export const oc2Rules: readonly Ssda903Rule[] = [
  rowRule(
    '180',
    'The strengths and difficulties questionnaire (SDQ) score is not a whole number from 0 to 40.',
    'OC2',
    ['SDQ_SCORE'],
    (row) => row.SDQ_SCORE !== null && !(/^\d{1,2}$/.test(row.SDQ_SCORE) && Number(row.SDQ_SCORE) <= 40),
  ),
  rowRule(
    '181',
    'Items about children looked after for 12 months must be 0 or 1 when given.',
    'OC2',
    twelveMonthItems,
    (row) =>
      twelveMonthItems.some((field) => row[field] !== null && row[field] !== '0' && row[field] !== '1'),
  ),
  rowRule(
    '182',
    'Immunisations, teeth check, health assessment and substance misuse must all be given, or every OC2 item left blank.',
    'OC2',
    twelveMonthItems,
    (row) => anyGiven(row, twelveMonthItems) && anyBlank(row, healthItems),
  ),
  rowRule(
    '158',
    'The child received an intervention for substance misuse, so whether one was offered is left blank.',
    'OC2',
    ['INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED'],
    (row) => row.INTERVENTION_RECEIVED === '1' && row.INTERVENTION_OFFERED !== null,
  ),
  rowRule(
    '159',
    'The child has a substance misuse problem and received no intervention, so whether one was offered must be given.',
    'OC2',
    ['SUBSTANCE_MISUSE', 'INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED'],
    (row) =>
      row.SUBSTANCE_MISUSE === '1' && row.INTERVENTION_RECEIVED === '0' && row.INTERVENTION_OFFERED === null,
  ),
  rowRule(
    '192',
    'The child has a substance misuse problem, but whether an intervention was received is blank.',
    'OC2',
    ['SUBSTANCE_MISUSE', 'INTERVENTION_RECEIVED'],
    (row) => row.SUBSTANCE_MISUSE === '1' && row.INTERVENTION_RECEIVED === null,
  ),
  rowRule(
    '193',
    'The child has no substance misuse problem recorded, but whether an intervention was offered or received is given.',
    'OC2',
    ['SUBSTANCE_MISUSE', 'INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED'],
    (row) =>
      (row.SUBSTANCE_MISUSE === null || row.SUBSTANCE_MISUSE === '0') &&
      (row.INTERVENTION_RECEIVED !== null || row.INTERVENTION_OFFERED !== null),
  ),
  codeRule('196', 'The reason for no SDQ score is not a valid code.', 'OC2', 'SDQ_REASON'),
  rowRule(
    '197a',
    'A reason for no SDQ score is not needed when an SDQ score is given.',
    'OC2',
    ['SDQ_SCORE', 'SDQ_REASON'],
    (row) => row.SDQ_SCORE !== null && row.SDQ_REASON !== null,
  ),
  cohortRule(
    '197B',
    'The child turned 4 or 17 in the year and is in the 12-month cohort: an SDQ score or a reason for none must be given.',
    ['SDQ_SCORE', 'SDQ_REASON', 'DOB'],
    (row, inCohort, child, { collectionStart: start, collectionEnd: end }) => {
      const turnsInYear = (years: number) => {
        const date = turns(row, child, years);
        return date !== null && start <= date && date <= end;
      };
      return inCohort && (turnsInYear(4) || turnsInYear(17)) && !sdqGiven(row);
    },
  ),
  cohortRule(
    '185',
    'The child has not been looked after continuously for 12 months at 31 March, but an SDQ score is given.',
    ['SDQ_SCORE'],
    (row, inCohort) => !inCohort && row.SDQ_SCORE !== null,
  ),
  cohortRule(
    '198',
    'The child has not been looked after continuously for 12 months at 31 March, but a reason for no SDQ score is given.',
    ['SDQ_REASON'],
    (row, inCohort) => !inCohort && row.SDQ_REASON !== null,
  ),
  cohortRule(
    '186',
    'The child was 4 or over at the start of the year, under 17 at its end, and looked after for 12 months: an SDQ score or a reason for none must be given.',
    ['SDQ_SCORE', 'SDQ_REASON', 'DOB'],
    (row, inCohort, child, { collectionStart: start, collectionEnd: end }) => {
      const four = turns(row, child, 4);
      const seventeen = turns(row, child, 17);
      return inCohort && four !== null && four <= start && seventeen! > end && !sdqGiven(row);
    },
  ),
  cohortRule(
    '157',
    'The child was 4 or over at the start of the year and 16 or under at its end, so SDQ1 (under 4 or over 16) cannot be the reason for no SDQ score.',
    ['SDQ_REASON', 'DOB'],
    (row, inCohort, child, { collectionStart: start, collectionEnd: end }) => {
      const four = turns(row, child, 4);
      const seventeen = turns(row, child, 17);
      return inCohort && row.SDQ_REASON === 'SDQ1' && four !== null && four <= start && seventeen! > end;
    },
  ),
  rowRule(
    '188',
    'The child is under 4 at the end of the year, but an SDQ score or a reason for none is given.',
    'OC2',
    ['SDQ_SCORE', 'SDQ_REASON', 'DOB'],
    (row, child, context) => {
      const four = turns(row, child, 4);
      return four !== null && four > context.collectionEnd && sdqGiven(row);
    },
  ),
  rowRule(
    '189',
    'The child was 17 or over at the start of the year, but an SDQ score or a reason for none is given.',
    'OC2',
    ['SDQ_SCORE', 'SDQ_REASON', 'DOB'],
    (row, child, context) => {
      const seventeen = turns(row, child, 17);
      return seventeen !== null && seventeen <= context.collectionStart && sdqGiven(row);
    },
  ),
  cohortRule(
    '190',
    'The child has not been looked after continuously for 12 months at 31 March, but items about such children are given.',
    twelveMonthItems,
    (row, inCohort) => !inCohort && anyGiven(row, twelveMonthItems),
  ),
  {
    code: '191',
    message:
      'The child has been looked after continuously for 12 months at 31 March, but immunisations, teeth check, health assessment or substance misuse is blank.',
    tables: ['OC2', 'Episodes'],
    fields: healthItems,
    years: { from: 2025 },
    check: (child, context) => {
      if (!context.supplied.has('OC2') || !continuouslyLookedAfter(child, context)) return [];
      if (child.OC2.length === 0)
        return [{ table: 'Episodes', row: child.Episodes[0]!.row, fields: ['CHILD'] }];
      return child.OC2.filter((row) => anyBlank(row, healthItems)).map((row) => ({
        table: 'OC2',
        row: row.row,
      }));
    },
  },
  rowRule(
    '542',
    'The child is under 10 at 31 March, so conviction is left blank.',
    'OC2',
    ['CONVICTED', 'DOB'],
    (row, child, context) => {
      const ten = turns(row, child, 10);
      return ten !== null && ten > context.collectionEnd && row.CONVICTED !== null;
    },
  ),
  cohortRule(
    '543',
    'The child is 10 or over at 31 March and looked after for 12 months, but conviction is blank.',
    ['CONVICTED', 'DOB'],
    (row, inCohort, child, { collectionEnd: end }) => {
      const ten = turns(row, child, 10);
      return inCohort && ten !== null && ten <= end && row.CONVICTED === null;
    },
  ),
  rowRule(
    '544',
    'Conviction is given, so immunisations, teeth check, health assessment and substance misuse must be given too.',
    'OC2',
    ['CONVICTED', ...healthItems],
    (row) => row.CONVICTED !== null && anyBlank(row, healthItems),
  ),
  cohortRule(
    '545',
    'The child is under 5 at 31 March and looked after for 12 months, but the health check (health promotion) is blank.',
    ['HEALTH_CHECK', 'DOB'],
    (row, inCohort, child, { collectionEnd: end }) => {
      const five = turns(row, child, 5);
      return inCohort && five !== null && five > end && row.HEALTH_CHECK === null;
    },
  ),
  // The DfE codes 546 for the 12-month cohort only (CONTINUOUSLY_LOOKED_AFTER = 'Y'), as 545; for a
  // child outside it, any 12-month item given is 190's finding.
  cohortRule(
    '546',
    'The child is 5 or over at 31 March and looked after for 12 months, so the health check (health promotion) is left blank.',
    ['HEALTH_CHECK', 'DOB'],
    (row, inCohort, child, { collectionEnd: end }) => {
      const five = turns(row, child, 5);
      return inCohort && five !== null && five <= end && row.HEALTH_CHECK !== null;
    },
  ),
  rowRule(
    '547',
    'The health check (health promotion) is given, so immunisations, teeth check, health assessment and substance misuse must be given too.',
    'OC2',
    ['HEALTH_CHECK', ...healthItems],
    (row) => row.HEALTH_CHECK !== null && anyBlank(row, healthItems),
  ),
];
