/**
 * The facts of a child's record that the indicators read, in the record's own table and column names, so that
 * the one reader's `ChildRecord` (src/modules/record) can be passed as it is, read as at the period's last day.
 * Dates are YYYY-MM-DD text; a fact not yet ended is null. Only the columns an indicator reads are listed.
 */
import type { IsoDate } from '../returns/dates.ts';
import type { Workforce } from '../workforce/census.ts';

export interface ChildFacts {
  readonly child: { readonly id: string; readonly date_of_birth: IsoDate | null };
  /** Contacts: the day received (an instant is taken in England's time) and the decision, once made. */
  readonly contacts: readonly {
    readonly id: string;
    readonly received_at: Date | IsoDate;
    readonly decision: string | null;
  }[];
  /** Episodes of need, each opened by a referral; NFA is the referral ending in no further action. */
  readonly episodes: readonly {
    readonly id: string;
    readonly referral_date: IsoDate;
    readonly no_further_action: boolean;
    readonly closed_on: IsoDate | null;
  }[];
  readonly assessments: readonly {
    readonly id: string;
    readonly episode_id: string;
    readonly start_date: IsoDate;
    readonly authorised_on: IsoDate | null;
  }[];
  readonly strategy_discussions: readonly { readonly id: string; readonly held_on: IsoDate }[];
  readonly section47_enquiries: readonly {
    readonly id: string;
    readonly strategy_discussion_id: string;
    readonly started_on: IsoDate;
  }[];
  readonly initial_conferences: readonly {
    readonly id: string;
    readonly section47_id: string;
    readonly held_on: IsoDate;
    readonly outcome: string;
  }[];
  readonly cp_plans: readonly {
    readonly id: string;
    readonly conference_id: string;
    readonly start_date: IsoDate;
    readonly end_date: IsoDate | null;
  }[];
  readonly care_periods: readonly {
    readonly id: string;
    readonly start_date: IsoDate;
    readonly end_date: IsoDate | null;
    readonly reason_ceased: string | null;
  }[];
  /** SSDA903 LS codes; V3 is a single short break, V4 a break in an agreed series. */
  readonly legal_statuses: readonly {
    readonly care_period_id: string;
    readonly code: string;
    readonly from_date: IsoDate;
    readonly to_date: IsoDate | null;
  }[];
  readonly placements: readonly PlacementFacts[];
  /** SSDA903 missing: M missing from placement, A away from placement without authorisation. */
  readonly missing_episodes: readonly { readonly kind: string; readonly started_on: IsoDate }[];
  /** Care leavers' keep-in-touch contacts with SSDA903 IN_TOUCH, ACCOM and ACTIV codes. */
  readonly care_leaver_contacts: readonly {
    readonly contacted_on: IsoDate;
    readonly in_touch: string;
    readonly accommodation: string | null;
    readonly activity: string | null;
  }[];
  /** Who works with the child: an allocation ending on a day has ended that day. */
  readonly allocations: readonly {
    readonly worker_id: string;
    readonly case_role: string;
    readonly from_date: IsoDate;
    readonly to_date: IsoDate | null;
  }[];
}

export interface PlacementFacts {
  readonly care_period_id: string;
  readonly start_date: IsoDate;
  readonly end_date: IsoDate | null;
  /** SSDA903 PLACE and PLACE_PROVIDER. */
  readonly place: string;
  readonly provider: string;
  readonly postcode: string | null;
  readonly home_postcode: string | null;
  readonly urn: string | null;
  readonly in_area: boolean | null;
  /** Miles from home, as the database's numeric arrives (text) or as a number; null when not known. */
  readonly distance_miles: string | number | null;
  readonly change_reason: string | null;
  /**
   * Who looks after the child there (a foster household, a home): the same id is the same carers. The record
   * does not hold it yet, so every move is to new carers (SSDA903 RNE P or B, never T or U) until it does.
   */
  readonly carer?: string | null;
}

/** A member of staff as the workforce records them. */
export interface WorkerFacts {
  readonly id: string;
  readonly role: string;
  /** Full-time equivalent (1.00 full time), as the database's numeric arrives or as a number. */
  readonly fte?: string | number | null;
  readonly left_on?: IsoDate | null;
}

/** Everything an indicator is computed from: the children's records and the workforce, as at the period's end. */
export interface CouncilFacts {
  readonly children: readonly ChildFacts[];
  readonly workers: readonly WorkerFacts[];
  /**
   * The workforce as the DfE's workforce census reads it (workers with their jobs and contracts, posts, who holds
   * them, sickness), for the census measures; the caseloads come from the children's allocations. Without it the
   * census measures have nothing to divide by.
   */
  readonly workforce?: Omit<Workforce, 'casesByWorker'>;
  /** The council's 0–17 population for the year (ONS mid-year estimate), for rates per 10,000 children. */
  readonly population0To17?: number;
}
