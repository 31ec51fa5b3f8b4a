import { addMonths, birthday, daysBetween, type IsoDate } from '../returns/dates.ts';
import type { ChildFacts, CouncilFacts } from './facts.ts';
import { proportionOf, type IndicatorDefinition } from './indicator.ts';
import { isShortBreak, lookedAfterOn } from './looked-after.ts';
import { inPeriod, type ReportingPeriod } from './periods.ts';

type CareLeaverContact = ChildFacts['care_leaver_contacts'][number];

const CARE_LEAVERS_RELEASE =
  "DfE, 'Children looked after in England' statistics: care leavers now aged 17 to 21 (SSDA903 OC3)";
/** Children Act 1989 sch. 2 para. 19B: 13 weeks looked after from the 14th birthday. */
const THIRTEEN_WEEKS = 91;
/** REC codes after which a young person is no care leaver of the council's: adopted (E11, E12), care transferred (E3). */
const NOT_A_CARE_LEAVER = new Set(['E11', 'E12', 'E3']);
/** SSDA903 ACTIV: in education, employment or training, full or part time. */
const IN_EET = new Set(['F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5']);

/** Days looked after, short breaks aside, from `from` up to the day before `until`. */
function daysLookedAfter(child: ChildFacts, from: IsoDate, until: IsoDate): number {
  let days = 0;
  for (const period of child.care_periods) {
    const statuses = child.legal_statuses.filter((status) => status.care_period_id === period.id);
    const spans = statuses.length
      ? statuses
          .filter((status) => !isShortBreak(status.code))
          .map((status) => [status.from_date, status.to_date])
      : [[period.start_date, period.end_date]];
    for (const [start, end] of spans) {
      const first = [start!, period.start_date, from].sort().at(-1)!;
      const stop = [end ?? until, period.end_date ?? until, until].sort()[0]!;
      if (stop > first) days += daysBetween(first, stop);
    }
  }
  return days;
}

/**
 * Whether the young person is in the SSDA903 care leaver cohort on `day`, a birthday from the 17th to the 21st:
 * a relevant or former relevant child (Children Act 1989 sch. 2 para. 19B; Care Leavers (England) Regulations
 * 2010, reg. 3): looked after at least 13 weeks from the 14th birthday, some of it from the 16th, short breaks
 * aside; no longer looked after on the birthday (SSDA903 1007, 1016); not adopted and not transferred to
 * another council at the end of their last period of care (1001, 1011).
 */
export function inCareLeaverCohort(child: ChildFacts, day: IsoDate): boolean {
  const born = child.child.date_of_birth;
  if (born === null || lookedAfterOn(child, day)) return false;
  const ended = child.care_periods.filter((period) => period.end_date !== null && period.end_date <= day);
  const last = ended.reduce<(typeof ended)[number] | undefined>(
    (latest, period) => (!latest || period.end_date! > latest.end_date! ? period : latest),
    undefined,
  );
  if (!last || NOT_A_CARE_LEAVER.has(last.reason_ceased ?? '')) return false;
  return (
    daysLookedAfter(child, birthday(born, 14), day) >= THIRTEEN_WEEKS &&
    daysLookedAfter(child, birthday(born, 16), day) > 0
  );
}

/**
 * The contact that tells the council's measures at a birthday: the one nearest it from 3 months before to 1
 * month after (the SSDA903 guide's window for OC3), as known on `knownBy`; the later of two as near.
 */
export function contactAroundBirthday(
  child: ChildFacts,
  day: IsoDate,
  knownBy: IsoDate,
): CareLeaverContact | undefined {
  const [from, to] = [addMonths(day, -3), addMonths(day, 1)];
  let nearest: CareLeaverContact | undefined;
  for (const contact of child.care_leaver_contacts) {
    const on = contact.contacted_on;
    if (on < from || on > to || on > knownBy) continue;
    const distance = Math.abs(daysBetween(day, on));
    const best = nearest && Math.abs(daysBetween(day, nearest.contacted_on));
    if (best === undefined || distance < best || (distance === best && on > nearest!.contacted_on))
      nearest = contact;
  }
  return nearest;
}

/** The care leavers whose birthday of one of `ages` fell in the period and who were in the cohort on it. */
function cohort(facts: CouncilFacts, period: ReportingPeriod, ages: readonly number[]) {
  return facts.children.flatMap((child) => {
    const born = child.child.date_of_birth;
    if (born === null) return [];
    const birthdays = ages.map((age) => birthday(born, age)).filter((day) => inPeriod(day, period));
    const day = birthdays.at(-1);
    return day !== undefined && inCareLeaverCohort(child, day)
      ? [{ child: child.child.id, contact: contactAroundBirthday(child, day, period.end) }]
      : [];
  });
}

type Measure = { key: string; words: string; test: (contact: CareLeaverContact) => boolean; better: string };

const MEASURES: readonly Measure[] = [
  {
    key: 'in-touch',
    words: 'in touch',
    test: (contact) => contact.in_touch === 'YES',
    better: 'in touch (YES)',
  },
  {
    key: 'suitable-accommodation',
    words: 'in suitable accommodation',
    // ACCOM codes end 1 for accommodation considered suitable, 2 for not suitable.
    test: (contact) => contact.accommodation?.endsWith('1') ?? false,
    better: 'accommodation judged suitable (ACCOM ending 1)',
  },
  {
    key: 'eet',
    words: 'in education, employment or training',
    test: (contact) => IN_EET.has(contact.activity ?? ''),
    better: 'activity F1, P1, F2, P2, F4, P4, F5 or P5',
  },
];

const AGE_GROUPS = [
  { key: '17-18', ages: [17, 18], words: '17th or 18th' },
  { key: '19-21', ages: [19, 20, 21], words: '19th, 20th or 21st' },
] as const;

/** The six care leaver indicators: in touch, suitable accommodation and EET, at 17–18 and at 19–21. */
export const careLeaverIndicators: readonly IndicatorDefinition[] = MEASURES.flatMap((measure) =>
  AGE_GROUPS.map((group): IndicatorDefinition => ({
    id: `care-leavers-${measure.key}-${group.key}`,
    title: `Care leavers aged ${group.key.replace('-', ' to ')} ${measure.words}`,
    theme: 'care leavers',
    counts: `Of the care leavers whose ${group.words} birthday fell in the period and who were then in the SSDA903 care leaver cohort, those recorded ${measure.words} at the contact nearest the birthday, from 3 months before it to 1 month after (${measure.better}); a young person with no contact in that window is counted as not.`,
    numerator: `care leavers in the cohort ${measure.words} around their ${group.words} birthday`,
    denominator: `care leavers whose ${group.words} birthday fell in the period, in the SSDA903 cohort`,
    kind: 'percentage',
    reading: 'during',
    higherIsBetter: true,
    source: CARE_LEAVERS_RELEASE,
    compute: (facts, period) =>
      proportionOf(
        cohort(facts, period, group.ages).map(({ child, contact }) => ({
          child,
          counted: contact !== undefined && measure.test(contact),
        })),
      ),
  })),
);
