import type { IsoDate } from '../dates.ts';
import type { PeriodOfCareFact } from './episodes.ts';

/**
 * What the SSDA903 exporter needs to know of one child, as the record held it on 31 March of the collection
 * year: plain facts in the domain's words, read from the record by the returns module. The exporter
 * (`export.ts`) turns them into the rows of the eleven tables.
 */
export interface Ssda903ChildFacts {
  /** CHILD: the council's own id for the child (never a name). */
  readonly localId: string;
  readonly sex: string | null;
  readonly dateOfBirth: IsoDate | null;
  readonly ethnicity: string | null;
  readonly upn: string | null;
  /** The birth of the young woman's first child (MOTHER and MC_DOB), when recorded. */
  readonly firstChildBornOn: IsoDate | null;
  /** Whether the child is (or was) an unaccompanied asylum-seeking child, and when that ceased if recorded. */
  readonly uasc: boolean;
  readonly uascCeasedOn: IsoDate | null;
  readonly periods: readonly PeriodOfCareWithPermanence[];
  readonly reviews: readonly CareReviewFact[];
  readonly missing: readonly MissingFact[];
  readonly healthChecks: readonly HealthCheckFact[];
  readonly outcomes: readonly OutcomesFact[];
  readonly careLeaver: CareLeaverFact | null;
  readonly socialWorkers: readonly SocialWorkerFact[];
  readonly adoptionDecisions: readonly AdoptionDecisionFact[];
}

/** A decision that the child should be placed for adoption, its reversal, and the match with adopters. */
export interface AdoptionDecisionFact {
  readonly decidedOn: IsoDate;
  readonly reversedOn: IsoDate | null;
  /** REASON_PLACED_CEASED: RD1 to RD4. */
  readonly reversalReason: string | null;
  readonly matchedOn: IsoDate | null;
  readonly adopters: {
    readonly count: number | null;
    /** SEX_ADOPTR and LS_ADOPTR codes. */
    readonly sex: string | null;
    readonly legalStatus: string | null;
    readonly fosterCarers: boolean | null;
  };
}

/** A period of care with what was known, when it began, of a permanence order before it (PrevPerm). */
export interface PeriodOfCareWithPermanence extends PeriodOfCareFact {
  readonly previousPermanence: PreviousPermanenceFact | null;
}

export interface PreviousPermanenceFact {
  /** PREV_PERM: P1 adopted, P2 special guardianship, P3 child arrangements, P4 not known, Z1 none. */
  readonly code: string;
  /** LA_PERM: the council that made the order (DfE three-digit number), when known. */
  readonly council: string | null;
  /** DATE_PERM as recorded, DD/MM/YYYY with zz for what is not known. */
  readonly date: string | null;
}

export interface CareReviewFact {
  readonly heldOn: IsoDate;
  /** REVIEW_CODE: PN0 to PN7. */
  readonly participation: string;
}

export interface MissingFact {
  /** MISSING: M missing, A away from placement without authorisation. */
  readonly kind: string;
  readonly start: IsoDate;
  readonly end: IsoDate | null;
}

export interface HealthCheckFact {
  readonly kind: 'initial' | 'review' | 'dental';
  readonly on: IsoDate;
}

/** The year's outcomes as the social worker recorded them (OC2), for the year ending `yearEnding`. */
export interface OutcomesFact {
  readonly yearEnding: IsoDate;
  readonly sdqScore: number | null;
  readonly sdqReason: string | null;
  readonly convicted: boolean | null;
  readonly immunisationsUpToDate: boolean | null;
  readonly substanceMisuse: boolean | null;
  readonly interventionReceived: boolean | null;
  readonly interventionOffered: boolean | null;
}

/** A care leaver's status and the keeping-in-touch contacts recorded (OC3). */
export interface CareLeaverFact {
  readonly since: IsoDate;
  readonly contacts: readonly CareLeaverContactFact[];
}

export interface CareLeaverContactFact {
  readonly on: IsoDate;
  /** IN_TOUCH, ACCOM and ACTIV codes. */
  readonly inTouch: string;
  readonly accommodation: string | null;
  readonly activity: string | null;
}

/** The child's allocated social worker from `from` until `to` (SWEpisodes). */
export interface SocialWorkerFact {
  readonly from: IsoDate;
  readonly to: IsoDate | null;
  /** Who, within Hearth: the same id is the same person. */
  readonly workerId: string;
  /** SW_ID: the Social Work England registration number, when recorded. */
  readonly registration: string | null;
  /** SW_REASON recorded with the allocation, when given. */
  readonly reason: string | null;
  /** Whether the allocation before it ended because its worker left the council. */
  readonly previousWorkerLeft: boolean;
}
