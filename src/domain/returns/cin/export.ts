import { Temporal } from 'temporal-polyfill';
import { addWorkingDays, workingDayCalendar, type WorkingDayCalendar } from '../../calendar/working-days.ts';
import type { IsoDate } from '../dates.ts';
import type {
  CinAssessmentFacts,
  CinChildFacts,
  CinEnquiryFacts,
  CinEpisodeFacts,
  CinProtectionPlanFacts,
} from './export-facts.ts';

export type { CinChildFacts, CinEpisodeFacts } from './export-facts.ts';

/**
 * The CIN census built from the record (issue 18, part 2): one Child per child in need at any time in the
 * collection year, with the DfE's element names in the order of the census's XML message (DfE, children in need
 * census 2025 to 2026: business and technical specification). A null element is left out of the message.
 */
export interface CinCensusChild {
  readonly ChildIdentifiers: {
    readonly LAchildID: string;
    readonly UPN: string | null;
    readonly FormerUPN: string | null;
    readonly UPNunknown: string | null;
    readonly PersonBirthDate: IsoDate | null;
    readonly ExpectedPersonBirthDate: IsoDate | null;
    readonly Sex: string | null;
    readonly PersonDeathDate: IsoDate | null;
  };
  readonly ChildCharacteristics: {
    readonly Ethnicity: string | null;
    readonly Disabilities: { readonly Disability: readonly string[] };
  };
  readonly CINdetails: readonly CinCensusDetails[];
}

export interface CinCensusDetails {
  readonly CINreferralDate: IsoDate;
  readonly ReferralSource: string | null;
  readonly PrimaryNeedCode: string | null;
  readonly CINclosureDate: IsoDate | null;
  readonly ReasonForClosure: string | null;
  readonly DateOfInitialCPC: IsoDate | null;
  readonly Assessments: readonly CinCensusAssessment[];
  readonly CINPlanDates: readonly {
    readonly CINPlanStartDate: IsoDate;
    readonly CINPlanEndDate: IsoDate | null;
  }[];
  readonly Section47: readonly CinCensusSection47[];
  readonly ReferralNFA: 'true' | 'false';
  readonly ChildProtectionPlans: readonly CinCensusProtectionPlan[];
}

export interface CinCensusAssessment {
  readonly AssessmentActualStartDate: IsoDate;
  readonly AssessmentInternalReviewDate: IsoDate | null;
  readonly AssessmentAuthorisationDate: IsoDate | null;
  readonly FactorsIdentifiedAtAssessment: { readonly AssessmentFactors: readonly string[] } | null;
}

export interface CinCensusSection47 {
  readonly S47ActualStartDate: IsoDate;
  readonly InitialCPCtarget: IsoDate | null;
  readonly DateOfInitialCPC: IsoDate | null;
  readonly ICPCnotRequired: 'true' | 'false';
}

export interface CinCensusProtectionPlan {
  readonly CPPstartDate: IsoDate;
  readonly CPPendDate: IsoDate | null;
  readonly InitialCategoryOfAbuse: string | null;
  readonly LatestCategoryOfAbuse: string | null;
  readonly NumberOfPreviousCPP: string;
  readonly Reviews: { readonly CPPreviewDate: readonly IsoDate[] } | null;
}

/** The collection year: 1 April `year` to 31 March the year after. */
interface CensusYear {
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly calendar: WorkingDayCalendar;
}

/** A date on or before the end of the year, or null: what happened after 31 March is not yet in the return. */
const byYearEnd = (date: IsoDate | null, year: CensusYear): IsoDate | null =>
  date !== null && date <= year.end ? date : null;
/** Whether something from `start` to `end` (null: still going on) touches the year. */
const touchesYear = (start: IsoDate, end: IsoDate | null, year: CensusYear): boolean =>
  start <= year.end && (end === null || end >= year.start);

/**
 * Why the child has no UPN, when the record has none (DfE codes): UN1 under 6 and not yet given one, UN7 when
 * every referral of the year led to no further action, UN2 an unaccompanied child who has never been at school in
 * England. Otherwise none is guessed, so that rule 8770Q asks for the UPN to be recorded.
 */
function upnUnknown(
  child: CinChildFacts,
  details: readonly CinCensusDetails[],
  year: CensusYear,
): string | null {
  if (child.upn) return null;
  const born = child.dateOfBirth ?? child.expectedDateOfBirth;
  const sixth = born === null ? null : Temporal.PlainDate.from(born).add({ years: 6 }).toString();
  if (sixth === null || sixth > year.end) return 'UN1';
  if (details.every((episode) => episode.ReferralNFA === 'true')) return 'UN7';
  return child.uasc ? 'UN2' : null;
}

function assessmentOf(assessment: CinAssessmentFacts, year: CensusYear): CinCensusAssessment {
  const authorised = byYearEnd(assessment.authorisedOn, year);
  return {
    AssessmentActualStartDate: assessment.start,
    AssessmentInternalReviewDate: null,
    AssessmentAuthorisationDate: authorised,
    // Factors are given once the assessment is completed (8614), each once (8898).
    FactorsIdentifiedAtAssessment:
      authorised !== null && assessment.factors.length > 0
        ? { AssessmentFactors: [...new Set(assessment.factors)].sort(factorOrder) }
        : null,
  };
}

/** Factor codes in the DfE's order: by number, then letter (1A, 1B, 2A, ..., 10A, 21, 24A). */
function factorOrder(a: string, b: string): number {
  return parseInt(a, 10) - parseInt(b, 10) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * A section 47 enquiry: the initial conference's target is 15 working days from the strategy discussion that
 * started the enquiry (Working Together 2023); a conference is "not required" once the enquiry ended without one.
 */
function section47Of(enquiry: CinEnquiryFacts, year: CensusYear): CinCensusSection47 {
  const conference = byYearEnd(enquiry.conferenceOn, year);
  const ended = byYearEnd(enquiry.end, year);
  const target =
    enquiry.strategyDiscussionOn === null
      ? null
      : addWorkingDays(
          year.calendar,
          Temporal.PlainDate.from(enquiry.strategyDiscussionOn),
          15,
        ).date.toString();
  return {
    S47ActualStartDate: enquiry.start,
    InitialCPCtarget: target,
    DateOfInitialCPC: conference,
    ICPCnotRequired:
      conference === null && ended !== null && enquiry.outcome !== 'conference' ? 'true' : 'false',
  };
}

function protectionPlanOf(
  plan: CinProtectionPlanFacts,
  allPlans: readonly CinProtectionPlanFacts[],
  year: CensusYear,
): CinCensusProtectionPlan {
  const end = byYearEnd(plan.end, year);
  const reviews = [...new Set(plan.reviews)]
    .filter((day) => day > plan.start && day >= year.start && day <= (end ?? year.end))
    .sort();
  return {
    CPPstartDate: plan.start,
    CPPendDate: end,
    InitialCategoryOfAbuse: plan.initialCategory,
    LatestCategoryOfAbuse: plan.latestCategory,
    NumberOfPreviousCPP: String(allPlans.filter((other) => other.start < plan.start).length),
    Reviews: reviews.length > 0 ? { CPPreviewDate: reviews } : null,
  };
}

function detailsOf(
  episode: CinEpisodeFacts,
  allPlans: readonly CinProtectionPlanFacts[],
  year: CensusYear,
): CinCensusDetails {
  const closed = byYearEnd(episode.closedOn, year);
  const byStart = <T extends { start: IsoDate }>(rows: readonly T[]) =>
    [...rows].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  return {
    CINreferralDate: episode.referralDate,
    ReferralSource: episode.referralSource,
    PrimaryNeedCode: episode.primaryNeed,
    CINclosureDate: closed,
    ReasonForClosure: closed === null ? null : episode.closureReason,
    // Each conference is given once, on its section 47 enquiry (2884).
    DateOfInitialCPC: null,
    Assessments: byStart(episode.assessments)
      .filter((assessment) => touchesYear(assessment.start, assessment.authorisedOn, year))
      .map((assessment) => assessmentOf(assessment, year)),
    CINPlanDates: byStart(episode.cinPlans)
      .filter((plan) => touchesYear(plan.start, plan.end, year))
      .map((plan) => ({ CINPlanStartDate: plan.start, CINPlanEndDate: byYearEnd(plan.end, year) })),
    Section47: byStart(episode.enquiries)
      .filter((enquiry) => touchesYear(enquiry.start, enquiry.conferenceOn ?? enquiry.end, year))
      .map((enquiry) => section47Of(enquiry, year)),
    ReferralNFA: episode.noFurtherAction ? 'true' : 'false',
    ChildProtectionPlans: byStart(episode.protectionPlans)
      .filter((plan) => touchesYear(plan.start, plan.end, year))
      .map((plan) => protectionPlanOf(plan, allPlans, year)),
  };
}

/** One child's Child element, or null when no episode of need touches the year. */
function cinChildOf(child: CinChildFacts, year: CensusYear): CinCensusChild | null {
  const episodes = child.episodes
    .filter((episode) => touchesYear(episode.referralDate, episode.closedOn, year))
    .sort((a, b) => (a.referralDate < b.referralDate ? -1 : a.referralDate > b.referralDate ? 1 : 0));
  if (episodes.length === 0) return null;
  const allPlans = child.episodes.flatMap((episode) => episode.protectionPlans);
  const details = episodes.map((episode) => detailsOf(episode, allPlans, year));
  const unborn = child.dateOfBirth === null && child.expectedDateOfBirth !== null;
  const died = byYearEnd(child.dateOfDeath, year);
  return {
    ChildIdentifiers: {
      LAchildID: child.localId,
      UPN: child.upn || null,
      FormerUPN: null,
      UPNunknown: upnUnknown(child, details, year),
      PersonBirthDate: child.dateOfBirth,
      ExpectedPersonBirthDate: unborn ? child.expectedDateOfBirth : null,
      // An unborn child's sex is U (8750).
      Sex: unborn ? 'U' : child.sex,
      PersonDeathDate: died,
    },
    ChildCharacteristics: {
      Ethnicity: child.ethnicity,
      Disabilities: {
        Disability: child.disabilities.length > 0 ? [...new Set(child.disabilities)] : ['NONE'],
      },
    },
    CINdetails: details,
  };
}

/**
 * The children of the CIN census for the collection year starting 1 April `year`, from each child's record as it
 * stood on 31 March: every child with an episode of need open at some time in the year, in the order of their
 * LAchildID, each with the episodes, assessments, plans and enquiries that fall in the year (docs/returns/export.md).
 */
export function buildCinCensus(
  children: readonly CinChildFacts[],
  year: number,
  calendar: WorkingDayCalendar = workingDayCalendar(),
): CinCensusChild[] {
  const census: CensusYear = { start: `${year}-04-01`, end: `${year + 1}-03-31`, calendar };
  return children
    .map((child) => cinChildOf(child, census))
    .filter((child): child is CinCensusChild => child !== null)
    .sort((a, b) => (a.ChildIdentifiers.LAchildID < b.ChildIdentifiers.LAchildID ? -1 : 1));
}
