import type { IsoDate } from '../dates.ts';
import type { Ssda903ChildFacts } from '../ssda903/export-facts.ts';

/**
 * What the SSD export needs to know of one child, as the record stood at the end of the period asked: plain facts
 * in the domain's words, read from the record by the ssd-export module. Each fact that becomes a row of an SSD
 * table keeps Hearth's id for it, so that the tables' keys join as the SSD's do (a CP plan names its conference,
 * an assessment its referral). What the SSDA903 return already reads of a child looked after or leaving care is
 * read by the same code (`care`), not a second time.
 */
export interface SsdChildFacts {
  /** The SSD's person id: the council's own id for the child (the returns' CHILD), never a name. */
  readonly personId: string;
  readonly sex: string | null;
  readonly gender: string | null;
  readonly ethnicity: string | null;
  readonly dateOfBirth: IsoDate | null;
  readonly expectedDateOfBirth: IsoDate | null;
  readonly dateOfDeath: IsoDate | null;
  readonly nhsNumber: string | null;
  readonly upn: string | null;
  readonly immigrationStatus: string | null;
  readonly uasc: boolean;
  /** DfE disability codes (CIN census). */
  readonly disabilities: readonly string[];
  readonly addresses: readonly SsdAddressFact[];
  readonly contacts: readonly SsdContactFact[];
  readonly referrals: readonly SsdReferralFact[];
  readonly assessments: readonly SsdAssessmentFact[];
  readonly cinPlans: readonly SsdCinPlanFact[];
  readonly enquiries: readonly SsdEnquiryFact[];
  readonly conferences: readonly SsdConferenceFact[];
  readonly protectionPlans: readonly SsdProtectionPlanFact[];
  readonly visits: readonly SsdVisitFact[];
  /** Hearth's ids of the periods of care, in the order of `care.periods`, with the referral each began in. */
  readonly carePeriods: readonly { readonly id: string; readonly referralId: string }[];
  readonly legalStatuses: readonly SsdLegalStatusFact[];
  readonly placements: readonly SsdPlacementFact[];
  readonly careReviews: readonly SsdCareReviewFact[];
  readonly missing: readonly SsdMissingFact[];
  readonly healthChecks: readonly SsdHealthCheckFact[];
  readonly careLeaverStatuses: readonly SsdCareLeaverStatusFact[];
  /** The latest review of a pathway plan, if any. */
  readonly pathwayPlanReviewedOn: IsoDate | null;
  readonly allocations: readonly SsdAllocationFact[];
  /** The SSDA903 exporter's facts of the same record: periods of care, outcomes, care leaving, adoption. */
  readonly care: Ssda903ChildFacts;
}

/** An address by its postcode only: the SSD export names no child and no street (docs/returns/ssd.md). */
export interface SsdAddressFact {
  readonly id: string;
  readonly postcode: string | null;
  readonly from: IsoDate;
  readonly to: IsoDate | null;
}

export interface SsdContactFact {
  readonly id: string;
  readonly on: IsoDate;
  /** The DfE referral source code of who got in touch. */
  readonly source: string;
  /** Hearth's decision on the contact (referral, no further action, early help...). */
  readonly decision: string;
}

export interface SsdReferralFact {
  readonly id: string;
  readonly date: IsoDate;
  readonly source: string;
  readonly primaryNeed: string;
  readonly noFurtherAction: boolean;
  readonly closedOn: IsoDate | null;
  readonly closureReason: string | null;
}

export interface SsdAssessmentFact {
  readonly id: string;
  readonly referralId: string;
  readonly start: IsoDate;
  readonly authorisedOn: IsoDate | null;
  readonly outcome: string | null;
  /** The factors identified at the assessment (DfE codes). */
  readonly factors: readonly string[];
}

export interface SsdCinPlanFact {
  readonly id: string;
  readonly referralId: string;
  readonly start: IsoDate;
  readonly end: IsoDate | null;
}

export interface SsdEnquiryFact {
  readonly id: string;
  readonly referralId: string;
  readonly start: IsoDate;
  readonly end: IsoDate | null;
  readonly outcome: string | null;
}

export interface SsdConferenceFact {
  readonly id: string;
  readonly enquiryId: string;
  readonly referralId: string | null;
  readonly heldOn: IsoDate;
  readonly outcome: string;
  /** The plan the conference made, if it made one. */
  readonly planId: string | null;
}

export interface SsdProtectionPlanFact {
  readonly id: string;
  readonly referralId: string;
  readonly conferenceId: string;
  readonly start: IsoDate;
  readonly end: IsoDate | null;
  readonly initialCategory: string;
  readonly latestCategory: string;
  readonly reviews: readonly { readonly id: string; readonly heldOn: IsoDate }[];
}

export interface SsdVisitFact {
  readonly id: string;
  readonly on: IsoDate;
  readonly seen: boolean;
  readonly seenAlone: boolean | null;
  readonly bedroomSeen: boolean | null;
}

export interface SsdLegalStatusFact {
  readonly id: string;
  readonly code: string;
  readonly from: IsoDate;
  readonly to: IsoDate | null;
}

export interface SsdPlacementFact {
  readonly id: string;
  readonly periodId: string;
  readonly from: IsoDate;
  readonly to: IsoDate | null;
  readonly place: string;
  readonly provider: string | null;
  readonly urn: string | null;
  readonly postcode: string | null;
  readonly distanceMiles: string | null;
  readonly changeReason: string | null;
}

export interface SsdCareReviewFact {
  readonly id: string;
  readonly periodId: string;
  readonly heldOn: IsoDate;
  readonly participation: string;
}

export interface SsdMissingFact {
  readonly id: string;
  readonly kind: string;
  readonly start: IsoDate;
  readonly end: IsoDate | null;
  readonly interviewOffered: boolean | null;
  readonly interviewAccepted: boolean | null;
}

export interface SsdHealthCheckFact {
  readonly id: string;
  readonly kind: string;
  readonly on: IsoDate;
}

export interface SsdCareLeaverStatusFact {
  readonly status: string;
  readonly from: IsoDate;
  readonly to: IsoDate | null;
  readonly personalAdviserId: string | null;
}

export interface SsdAllocationFact {
  readonly id: string;
  readonly workerId: string;
  readonly role: string;
  readonly from: IsoDate;
  readonly to: IsoDate | null;
  readonly changeReason: string | null;
}

/** A worker of the council (ssd_professionals), with the team they were in at the period's end. */
export interface SsdWorkerFact {
  readonly id: string;
  readonly name: string;
  readonly registration: string | null;
  readonly job: string | null;
  readonly teamName: string | null;
  readonly fte: string;
  readonly agency: boolean;
}

export interface SsdTeamFact {
  readonly id: string;
  readonly name: string;
}
