import type { IsoDate } from '../dates.ts';

/**
 * What the DfE's children's social care API asks of one child, as the record holds it: plain facts in the
 * domain's words, read from the record by the DfE API module. `childDocument` (document.ts) turns them into the
 * child's document.
 */
export interface DfeChildFacts {
  /** Hearth's own id (the document's `mis_child_id`) and the council's id for the child (`la_child_id`). */
  readonly id: string;
  readonly localId: string;
  readonly upn: string | null;
  readonly givenName: string;
  readonly familyName: string;
  readonly dateOfBirth: IsoDate | null;
  readonly expectedDateOfBirth: IsoDate | null;
  /** As the returns code it (M, F). */
  readonly sex: string | null;
  readonly ethnicity: string | null;
  readonly disabilities: readonly string[];
  /** The postcode of the child's current address, when known. */
  readonly postcode: string | null;
  readonly uasc: boolean;
  readonly uascCeasedOn: IsoDate | null;
  readonly sdqScores: readonly { readonly on: IsoDate; readonly score: number }[];
  readonly episodes: readonly EpisodeFacts[];
  /** The child's allocated workers, by the id the DfE knows them by (Social Work England number when recorded). */
  readonly workers: readonly {
    readonly workerId: string;
    readonly from: IsoDate;
    readonly to: IsoDate | null;
  }[];
  readonly assessments: readonly AssessmentFacts[];
  readonly cinPlans: readonly PlanFacts[];
  readonly section47s: readonly Section47Facts[];
  readonly cpPlans: readonly PlanFacts[];
  readonly placements: readonly PlacementFacts[];
  readonly adoption: AdoptionFacts | null;
  /** The latest contact with the care leaver, when the child is one. */
  readonly careLeaverContact: CareLeaverContactFacts | null;
}

/** A referral and what followed it until it closed: one social care episode. */
export interface EpisodeFacts {
  readonly id: string;
  readonly referralDate: IsoDate;
  readonly referralSource: string;
  readonly noFurtherAction: boolean;
  readonly closedOn: IsoDate | null;
  readonly closureReason: string | null;
}

export interface AssessmentFacts {
  readonly id: string;
  readonly episodeId: string;
  readonly startDate: IsoDate;
  readonly authorisedOn: IsoDate | null;
  /** The factors identified at the end of the assessment (CIN census codes). */
  readonly factors: readonly string[];
}

/** A child in need plan or a child protection plan. */
export interface PlanFacts {
  readonly id: string;
  readonly episodeId: string;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate | null;
}

export interface Section47Facts {
  readonly id: string;
  readonly episodeId: string;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate | null;
  /** Whether the enquiry concluded that an initial child protection conference was needed. */
  readonly conferenceRequired: boolean;
  readonly conferenceOn: IsoDate | null;
}

/** A placement of a child looked after, with the reason its period of care began or ended where it did. */
export interface PlacementFacts {
  readonly id: string;
  readonly episodeId: string;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate | null;
  /** SSDA903 RNE for the placement: S when it began the period of care, P when it changed placement. */
  readonly startReason: string;
  /** SSDA903 PLACE code. */
  readonly placementType: string;
  readonly postcode: string | null;
  /** SSDA903 REC: the period's reason ceased when the placement ended it, X1 when another placement followed. */
  readonly endReason: string | null;
  /** SSDA903 REASON_PLACE_CHANGE. */
  readonly changeReason: string | null;
}

export interface AdoptionFacts {
  readonly episodeId: string;
  readonly decidedOn: IsoDate;
  readonly matchedOn: IsoDate | null;
  readonly placedOn: IsoDate | null;
}

export interface CareLeaverContactFacts {
  readonly episodeId: string;
  readonly contactedOn: IsoDate;
  readonly activity: string | null;
  readonly accommodation: string | null;
}
