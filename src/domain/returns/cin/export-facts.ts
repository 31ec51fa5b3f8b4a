import type { IsoDate } from '../dates.ts';

/**
 * What the CIN census asks of one child's record, in the record's words (issue 18, part 2). The exporter
 * (src/modules/returns/cin-export.ts) reads these from the record as it stood on 31 March; the builder
 * (export.ts) chooses what falls in the census year and writes the DfE's elements.
 */
export interface CinChildFacts {
  /** The council's own child id (LAchildID). */
  readonly localId: string;
  readonly upn: string | null;
  readonly dateOfBirth: IsoDate | null;
  /** For an unborn child: the expected date of birth, and no date of birth. */
  readonly expectedDateOfBirth: IsoDate | null;
  /** M, F or U as recorded; null when not recorded. */
  readonly sex: string | null;
  readonly dateOfDeath: IsoDate | null;
  readonly ethnicity: string | null;
  /** The DfE disability codes recorded; empty when the child has none. */
  readonly disabilities: readonly string[];
  readonly uasc: boolean;
  readonly episodes: readonly CinEpisodeFacts[];
}

/** An episode of need: the referral, the work done in it and its closure. */
export interface CinEpisodeFacts {
  readonly referralDate: IsoDate;
  readonly referralSource: string | null;
  readonly primaryNeed: string | null;
  readonly closedOn: IsoDate | null;
  readonly closureReason: string | null;
  /** A referral that led to no further action. */
  readonly noFurtherAction: boolean;
  readonly assessments: readonly CinAssessmentFacts[];
  readonly cinPlans: readonly { readonly start: IsoDate; readonly end: IsoDate | null }[];
  readonly enquiries: readonly CinEnquiryFacts[];
  readonly protectionPlans: readonly CinProtectionPlanFacts[];
}

export interface CinAssessmentFacts {
  readonly start: IsoDate;
  readonly authorisedOn: IsoDate | null;
  /** The factors identified at assessment, as DfE codes. */
  readonly factors: readonly string[];
}

/** A section 47 enquiry, with the strategy discussion that started it and its initial conference. */
export interface CinEnquiryFacts {
  readonly start: IsoDate;
  readonly end: IsoDate | null;
  readonly strategyDiscussionOn: IsoDate | null;
  /** How the enquiry concluded: 'conference' when a conference was called; null while it goes on. */
  readonly outcome: string | null;
  readonly conferenceOn: IsoDate | null;
}

export interface CinProtectionPlanFacts {
  readonly start: IsoDate;
  readonly end: IsoDate | null;
  readonly initialCategory: string | null;
  readonly latestCategory: string | null;
  /** The days of the plan's review conferences. */
  readonly reviews: readonly IsoDate[];
}
