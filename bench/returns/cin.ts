/**
 * A synthetic CIN census message for the benchmark: `count` children in need during the census year,
 * each with one or two episodes of need (referral, assessment, then closure, a CIN plan, or a
 * section 47 enquiry with a conference and a child protection plan with reviews). The records are
 * shaped like a council's, and about one child in fifty carries a deliberate mistake.
 */
import { upnCheckLetter } from '../../src/domain/returns/cin/rules/identifiers.ts';
import { addMonths, addYears, dayOf, ethnicities, isoOf, Random, upnOf } from './random.ts';

type Fields = Record<string, string | null>;

const sources = '1A 1B 1C 2A 2B 3A 3B 3C 3E 5A 5B 5C 5D 6 7 8 9'.split(' ');
const factors = '1B 1C 2A 2B 3A 3B 4A 4B 5A 6A 6C 8B 8C 8F 19B 19C 22A'.split(' ');

const elements = (fields: Fields): string =>
  Object.entries(fields)
    .filter(([, value]) => value !== null)
    .map(([name, value]) => `<${name}>${value}</${name}>`)
    .join('');

/** A working day `days` working days after `day` (weekends skipped; bank holidays are not). */
function workingDaysAfter(day: number, days: number): number {
  let result = day;
  for (let left = days; left > 0;) {
    result += 1;
    const weekday = (result + 4) % 7; // 1 January 1970 was a Thursday
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return result;
}

const date = (day: number | null) => (day === null ? null : isoOf(day));

/** One episode of need from a referral on `referral`; null closure when still open at the census date. */
function episode(
  random: Random,
  referral: number,
  start: number,
  end: number,
): { xml: string; closure: number | null } {
  const groups: string[] = [];
  const nfa = random.chance(0.08);
  let closure: number | null = null;
  let reason: string | null = null;
  if (nfa) [closure, reason] = [referral + random.int(0, 3), 'RC8'];
  else {
    const assessmentStart = Math.max(start, referral + random.int(0, 5));
    const authorised = assessmentStart + random.int(10, 45);
    const done = authorised <= end;
    const found = random.int(1, 3);
    const codes = [...new Set(Array.from({ length: found }, () => random.pick(factors)))];
    groups.push(
      `<Assessments>${elements({
        AssessmentActualStartDate: date(assessmentStart),
        AssessmentInternalReviewDate: null,
        AssessmentAuthorisationDate: done ? date(authorised) : null,
      })}${done ? `<FactorsIdentifiedAtAssessment>${codes.map((code) => `<AssessmentFactors>${code}</AssessmentFactors>`).join('')}</FactorsIdentifiedAtAssessment>` : ''}</Assessments>`,
    );
    const next = random.weighted({ close: 40, plan: 38, s47: 22 });
    if (!done) {
      // still being assessed at the census date
    } else if (next === 'close') [closure, reason] = [authorised, random.pick(['RC8', 'RC9'])];
    else if (next === 'plan') {
      const planEnd = authorised + random.int(60, 400);
      const ended = planEnd <= end;
      groups.push(
        `<CINPlanDates>${elements({ CINPlanStartDate: date(authorised), CINPlanEndDate: ended ? date(planEnd) : null })}</CINPlanDates>`,
      );
      if (ended) [closure, reason] = [planEnd, random.pick(['RC7', 'RC7', 'RC3', 'RC5'])];
    } else {
      const s47 = assessmentStart + random.int(0, 5);
      const target = workingDaysAfter(s47, 15);
      const conference = workingDaysAfter(s47, random.chance(0.85) ? random.int(8, 15) : random.int(16, 25));
      const held = conference <= end;
      const notRequired = random.chance(0.25);
      groups.push(
        `<Section47>${elements({
          S47ActualStartDate: date(s47),
          InitialCPCtarget: date(target),
          DateOfInitialCPC: held && !notRequired ? date(conference) : null,
          ICPCnotRequired: notRequired ? 'true' : 'false',
        })}</Section47>`,
      );
      if (notRequired || !held) {
        if (notRequired && authorised <= end) [closure, reason] = [Math.max(authorised, s47), 'RC7'];
      } else {
        const planEnd = conference + random.int(90, 600);
        const ended = planEnd <= end;
        const category = random.weighted({ NEG: 50, EMO: 35, PHY: 7, SAB: 4, MUL: 4 });
        const reviews: string[] = [];
        for (
          let review = addMonths(conference, 3);
          review <= Math.min(end, planEnd);
          review = addMonths(review, 6)
        )
          reviews.push(`<Reviews><CPPreviewDate>${isoOf(review)}</CPPreviewDate></Reviews>`);
        groups.push(
          `<ChildProtectionPlans>${elements({
            CPPstartDate: date(conference),
            CPPendDate: ended ? date(planEnd) : null,
            InitialCategoryOfAbuse: category,
            LatestCategoryOfAbuse: random.chance(0.9) ? category : 'MUL',
            NumberOfPreviousCPP: String(random.weighted({ '0': 80, '1': 15, '2': 5 })),
          })}${reviews.join('')}</ChildProtectionPlans>`,
        );
        if (ended) [closure, reason] = [planEnd, random.pick(['RC7', 'RC3', 'RC4'])];
      }
    }
  }
  const closed = closure !== null && closure <= end ? closure : null;
  const xml = `<CINdetails>${elements({
    CINreferralDate: date(referral),
    ReferralSource: random.pick(sources),
    PrimaryNeedCode: nfa ? 'N0' : random.pick(['N1', 'N1', 'N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N8', 'N9']),
    CINclosureDate: date(closed),
    ReasonForClosure: closed !== null ? reason : null,
    // The conference is recorded on the section 47 enquiry that led to it, not again here (rule 2884).
    DateOfInitialCPC: null,
    ReferralNFA: nfa ? 'true' : 'false',
  })}${groups.join('')}</CINdetails>`;
  return { xml, closure: closed };
}

function child(random: Random, serial: number, start: number, end: number): string {
  const age = Number(random.weighted({ '0': 15, '3': 20, '8': 30, '13': 35 }));
  const dob = end - age * 365 - random.int(0, 1700);
  const referral = random.chance(0.9) ? start + random.int(0, end - start - 10) : start - random.int(1, 60);
  const first = episode(random, Math.max(referral, dob), start, end);
  const episodes = [first.xml];
  if (first.closure !== null && first.closure < end - 30 && random.chance(0.2))
    episodes.push(episode(random, first.closure + random.int(1, end - first.closure - 10), start, end).xml);
  const ofSchoolAge = addYears(dob, 5) <= end;
  const disabilities = random.chance(0.9) ? ['NONE'] : [random.pick(['AUT', 'BEH', 'COMM', 'LD', 'MOB'])];
  return `<Child><ChildIdentifiers>${elements({
    LAchildID: `C${String(serial).padStart(7, '0')}`,
    UPN: ofSchoolAge ? upnOf(serial, upnCheckLetter) : null,
    FormerUPN: null,
    UPNunknown: ofSchoolAge ? null : 'UN1',
    PersonBirthDate: isoOf(dob),
    ExpectedPersonBirthDate: null,
    Sex: random.pick(['F', 'M']),
    PersonDeathDate: null,
  })}</ChildIdentifiers><ChildCharacteristics>${elements({ Ethnicity: random.weighted(ethnicities) })}<Disabilities>${disabilities.map((code) => `<Disability>${code}</Disability>`).join('')}</Disabilities></ChildCharacteristics>${episodes.join('')}</Child>`;
}

/** The mistakes scattered through the message, each breaking a rule of a different kind. */
const mistakes: ((xml: string) => string)[] = [
  (xml) => xml.replace(/<ReferralSource>[^<]*</, '<ReferralSource>ZZ<'),
  (xml) => xml.replace(/<PersonBirthDate>(\d{4})-(\d{2})-(\d{2})</, '<PersonBirthDate>$3/$2/$1<'),
  (xml) => xml.replace(/<UPN>([A-Z])/, (_, letter: string) => `<UPN>${letter === 'Q' ? 'R' : 'Q'}`),
  (xml) => xml.replace(/<Ethnicity>[^<]*<\/Ethnicity>/, ''),
  (xml) => xml.replace(/<AssessmentActualStartDate>[^<]*</, '<AssessmentActualStartDate>2030-01-01<'),
  (xml) => xml.replace(/<Sex>[^<]*</, '<Sex>X<'),
  (xml) => xml.replace(/<PrimaryNeedCode>[^<]*<\/PrimaryNeedCode>/, ''),
  (xml) => xml.replace(/<InitialCategoryOfAbuse>[^<]*</, '<InitialCategoryOfAbuse>ABC<'),
  (xml) => xml.replace(/<CPPreviewDate>[^<]*</, '<CPPreviewDate>2019-01-01<'),
  (xml) => xml.replace(/<ReferralNFA>[^<]*</, '<ReferralNFA>maybe<'),
];

/** The CIN census message of `count` children for collection year `year` (2025 = 2025–26). */
export function generateCin(count: number, seed: number, year = 2025): string {
  const random = new Random(seed);
  const start = dayOf(`${year}-04-01`);
  const end = dayOf(`${year + 1}-03-31`);
  const children: string[] = [];
  for (let index = 0; index < count; index += 1) {
    let xml = child(random, 100000 + index, start, end);
    if (random.chance(0.02)) xml = random.pick(mistakes)(xml);
    children.push(xml);
  }
  const header = `<Header><CollectionDetails><Collection>CIN</Collection><Year>${year + 1}</Year><ReferenceDate>${year + 1}-03-31</ReferenceDate></CollectionDetails><Source><SourceLevel>L</SourceLevel><LEA>201</LEA><SoftwareCode>Hearth bench</SoftwareCode><Release>1</Release><SerialNo>001</SerialNo><DateTime>${year + 1}-04-02T10:00:00</DateTime></Source></Header>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Message>${header}<Children>\n${children.join('\n')}\n</Children></Message>\n`;
}
