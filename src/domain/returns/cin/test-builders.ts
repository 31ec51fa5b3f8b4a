/**
 * Builders of small CIN census messages for tests, written as the XML a council would send, so every
 * rule test goes through the reader too. Element names are the DfE's; a field set to null is left out.
 * The defaults make a child who breaks no per-child rule of 2025–26.
 */
import type { CinChildFacts, CinEpisodeFacts } from './export-facts.ts';
import { upnCheckLetter } from './rules/identifiers.ts';
import { readCin } from './read.ts';
import { validateCin } from './validate.ts';

export type Fields = Record<string, string | null | undefined>;

const elements = (fields: Fields): string =>
  Object.entries(fields)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([name, value]) => `<${name}>${value}</${name}>`)
    .join('');

/** A UPN of council 201 with the right check letter, from its last nine digits. */
export function aUpn(serial = '000000012'): string {
  const digits = `201${serial}`;
  return `${upnCheckLetter(`X${digits}`)}${digits}`;
}

/** An assessment started 7 October 2025 and authorised 14 November 2025, finding factor 1C. */
export function anAssessment(fields: Fields = {}, factors: readonly string[] | null = ['1C']): string {
  const found =
    factors === null
      ? ''
      : `<FactorsIdentifiedAtAssessment>${factors.map((code) => `<AssessmentFactors>${code}</AssessmentFactors>`).join('')}</FactorsIdentifiedAtAssessment>`;
  const dates = elements({
    AssessmentActualStartDate: '2025-10-07',
    AssessmentInternalReviewDate: null,
    AssessmentAuthorisationDate: '2025-11-14',
    ...fields,
  });
  return `<Assessments>${dates}${found}</Assessments>`;
}

/** A CIN plan from 14 November 2025, still open. */
export function aCinPlan(fields: Fields = {}): string {
  return `<CINPlanDates>${elements({ CINPlanStartDate: '2025-11-14', CINPlanEndDate: null, ...fields })}</CINPlanDates>`;
}

/** A section 47 enquiry started Wednesday 8 October 2025, conference Wednesday 22 October 2025. */
export function aSection47(fields: Fields = {}): string {
  return `<Section47>${elements({
    S47ActualStartDate: '2025-10-08',
    InitialCPCtarget: '2025-10-22',
    DateOfInitialCPC: '2025-10-22',
    ICPCnotRequired: 'false',
    ...fields,
  })}</Section47>`;
}

/** A child protection plan for neglect from 22 October 2025, still open; reviews by date (null: no date). */
export function aProtectionPlan(fields: Fields = {}, reviews: readonly (string | null)[] = []): string {
  const reviewElements = reviews
    .map((date) =>
      date === null ? '<Reviews></Reviews>' : `<Reviews><CPPreviewDate>${date}</CPPreviewDate></Reviews>`,
    )
    .join('');
  return `<ChildProtectionPlans>${elements({
    CPPstartDate: '2025-10-22',
    CPPendDate: null,
    InitialCategoryOfAbuse: 'NEG',
    LatestCategoryOfAbuse: 'NEG',
    NumberOfPreviousCPP: '0',
    ...fields,
  })}${reviewElements}</ChildProtectionPlans>`;
}

/** An episode of need referred on Monday 6 October 2025, source 1A, primary need N4, going on to further action, still open. */
export function anEpisode(fields: Fields = {}, ...groups: string[]): string {
  return `<CINdetails>${elements({
    CINreferralDate: '2025-10-06',
    ReferralSource: '1A',
    PrimaryNeedCode: 'N4',
    CINclosureDate: null,
    ReasonForClosure: null,
    DateOfInitialCPC: null,
    ReferralNFA: 'false',
    ...fields,
  })}${groups.join('')}</CINdetails>`;
}

/** A girl born 27 March 2015 (of school age), White British, no disability, with one open episode. */
export function aChild(
  fields: Fields = {},
  episodes: readonly string[] = [anEpisode()],
  disabilities: readonly string[] = ['NONE'],
): string {
  const { Ethnicity = 'WBRI', ...identifiers } = fields;
  const disabilityElements = disabilities.map((code) => `<Disability>${code}</Disability>`).join('');
  return `<Child><ChildIdentifiers>${elements({
    LAchildID: 'C1',
    UPN: aUpn(),
    FormerUPN: null,
    UPNunknown: null,
    PersonBirthDate: '2015-03-27',
    ExpectedPersonBirthDate: null,
    Sex: 'F',
    PersonDeathDate: null,
    ...identifiers,
  })}</ChildIdentifiers><ChildCharacteristics>${elements({ Ethnicity })}${
    disabilities.length > 0 ? `<Disabilities>${disabilityElements}</Disabilities>` : ''
  }</ChildCharacteristics>${episodes.join('')}</Child>`;
}

/** The 2025–26 CIN census message (reference date 31 March 2026) holding `children`. */
export function census(...children: string[]): string {
  return census2025({}, ...children);
}

/** The message with its header's CollectionDetails overridden. */
export function census2025(header: Fields, ...children: string[]): string {
  const details = elements({ Collection: 'CIN', Year: '2026', ReferenceDate: '2026-03-31', ...header });
  return `<?xml version="1.0" encoding="UTF-8"?><Message><Header><CollectionDetails>${details}</CollectionDetails><Source><SourceLevel>L</SourceLevel><LEA>201</LEA><SoftwareCode>Hearth</SoftwareCode><Release>1</Release><SerialNo>001</SerialNo><DateTime>2026-04-02T10:00:00</DateTime></Source></Header><Children>${children.join('')}</Children></Message>`;
}

/** One episode holding `groups`, on the default child: the usual shape of a rule test. */
export const withGroups = (episode: Fields, ...groups: string[]): string =>
  census(aChild({}, [anEpisode(episode, ...groups)]));

/** Where `rule` flags the message, as "table:row" (row: the child's position, 0 for the whole return). */
export function flagsOf(rule: string, xml: string): string[] {
  return validateCin(readCin({ name: 'cin.xml', content: xml }), { year: 2025 })
    .findings.filter((finding) => finding.rule === rule)
    .map((finding) => `${finding.table}:${finding.row}`);
}

/** Every finding of the message, for the tests that a clean return stays clean. */
export function findingsOf(xml: string) {
  return validateCin(readCin({ name: 'cin.xml', content: xml }), { year: 2025 }).findings;
}

/** A child of 9 with a UPN, referred on Monday 6 October 2025 (the 2025–26 census). */
export function aChildFacts(fields: Partial<CinChildFacts> = {}): CinChildFacts {
  return {
    localId: 'C1',
    upn: aUpn(),
    dateOfBirth: '2016-05-01',
    expectedDateOfBirth: null,
    sex: 'F',
    dateOfDeath: null,
    ethnicity: 'WBRI',
    disabilities: [],
    uasc: false,
    episodes: [anEpisodeFacts()],
    ...fields,
  };
}

/** An episode referred Monday 6 October 2025, source 1A, need N4, assessed, still open. */
export function anEpisodeFacts(fields: Partial<CinEpisodeFacts> = {}): CinEpisodeFacts {
  return {
    referralDate: '2025-10-06',
    referralSource: '1A',
    primaryNeed: 'N4',
    closedOn: null,
    closureReason: null,
    noFurtherAction: false,
    assessments: [{ start: '2025-10-07', authorisedOn: '2025-11-14', factors: ['3A', '1C'] }],
    cinPlans: [],
    enquiries: [],
    protectionPlans: [],
    ...fields,
  };
}
