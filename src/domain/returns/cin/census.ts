import type { IsoDate } from '../dates.ts';

/**
 * The CIN census message of 2025–26 as the DfE's CIN census technical specification lays it out:
 * Message > Header, Children > Child > ChildIdentifiers, ChildCharacteristics, CINdetails; each
 * CINdetails holds Assessments, CINPlanDates, Section47 and ChildProtectionPlans groups. Every
 * element is kept as written (codes as strings, flags as strings such as "true" or "0") except dates,
 * which are read as YYYY-MM-DD and are null, with a READ-DATE problem, when not a real date.
 */

/** Fields whose written value was not a date, by element name: the value as written. */
export type Unreadable = Readonly<Partial<Record<string, string>>>;

export interface CinHeader {
  readonly Collection: string | null;
  readonly Year: string | null;
  readonly ReferenceDate: IsoDate | null;
  readonly SourceLevel: string | null;
  readonly LEA: string | null;
  readonly SoftwareCode: string | null;
  readonly Release: string | null;
  readonly SerialNo: string | null;
  readonly DateTime: string | null;
}

export interface CinAssessment {
  /** Position of the Assessments group within its CINdetails, from 1. */
  readonly position: number;
  readonly AssessmentActualStartDate: IsoDate | null;
  readonly AssessmentInternalReviewDate: IsoDate | null;
  readonly AssessmentAuthorisationDate: IsoDate | null;
  /** The codes under FactorsIdentifiedAtAssessment, in order, repeats kept (rule 8898). */
  readonly AssessmentFactors: readonly string[];
  readonly unreadable: Unreadable;
}

export interface CinPlanDates {
  readonly position: number;
  readonly CINPlanStartDate: IsoDate | null;
  readonly CINPlanEndDate: IsoDate | null;
  readonly unreadable: Unreadable;
}

export interface CinSection47 {
  readonly position: number;
  readonly S47ActualStartDate: IsoDate | null;
  readonly InitialCPCtarget: IsoDate | null;
  readonly DateOfInitialCPC: IsoDate | null;
  readonly ICPCnotRequired: string | null;
  readonly unreadable: Unreadable;
}

export interface CinReview {
  /** Position of the review within its plan, from 1. */
  readonly position: number;
  /** Null when a Reviews group holds no date (rule 8842Q). */
  readonly CPPreviewDate: IsoDate | null;
}

export interface CinProtectionPlan {
  readonly position: number;
  readonly CPPstartDate: IsoDate | null;
  readonly CPPendDate: IsoDate | null;
  readonly InitialCategoryOfAbuse: string | null;
  readonly LatestCategoryOfAbuse: string | null;
  readonly NumberOfPreviousCPP: string | null;
  readonly Reviews: readonly CinReview[];
  readonly unreadable: Unreadable;
}

/** One CINdetails module (a child in need episode) with the modules inside it. */
export interface CinDetails {
  /** Position of the CINdetails within the child, from 1. */
  readonly position: number;
  readonly CINreferralDate: IsoDate | null;
  readonly ReferralSource: string | null;
  readonly PrimaryNeedCode: string | null;
  readonly CINclosureDate: IsoDate | null;
  readonly ReasonForClosure: string | null;
  readonly DateOfInitialCPC: IsoDate | null;
  readonly ReferralNFA: string | null;
  readonly Assessments: readonly CinAssessment[];
  readonly CINPlanDates: readonly CinPlanDates[];
  readonly Section47: readonly CinSection47[];
  readonly ChildProtectionPlans: readonly CinProtectionPlan[];
  readonly unreadable: Unreadable;
}

/** One Child of the CIN census message. */
export interface CinChild {
  readonly id: string;
  /** Position of the Child element in the message, from 1. */
  readonly row: number;
  readonly UPN: string | null;
  readonly FormerUPN: string | null;
  readonly UPNunknown: string | null;
  readonly PersonBirthDate: IsoDate | null;
  readonly ExpectedPersonBirthDate: IsoDate | null;
  readonly Sex: string | null;
  readonly PersonDeathDate: IsoDate | null;
  readonly Ethnicity: string | null;
  /** The Disability codes as written, repeats kept (rule 8794); empty when none is given. */
  readonly Disabilities: readonly string[];
  readonly CINdetails: readonly CinDetails[];
  readonly unreadable: Unreadable;
}

export interface CinReturn {
  readonly header: CinHeader | null;
  readonly children: readonly CinChild[];
  readonly file: string;
}
