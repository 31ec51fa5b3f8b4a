import { writeUkDate, type IsoDate } from '../dates.ts';
import { isTemporary } from './rules/episode-codes.ts';
import { noProvider, noUrn } from './rules/episode-placements.ts';
import type { Ssda903Column } from './tables.ts';

/** A legal status as the record holds it: in force from `from` until `to` (the day the next began), or still. */
export interface LegalStatusFact {
  readonly from: IsoDate;
  readonly to: IsoDate | null;
  /** LS: the DfE legal status code (C1, C2, E1, V2, V3, V4, ...). */
  readonly code: string;
}

/** A placement as the record holds it, in force from `from` until `to` (the day the next began), or still. */
export interface PlacementFact {
  readonly from: IsoDate;
  readonly to: IsoDate | null;
  /** PLACE: the DfE placement type. */
  readonly place: string;
  /** PLACE_PROVIDER: PR0 to PR5. */
  readonly provider: string | null;
  readonly postcode: string | null;
  readonly homePostcode: string | null;
  /** The Ofsted unique reference number of the setting or fostering service (XXXXXXX when it has none). */
  readonly urn: string | null;
  /** Who looks after the child there (a foster household, a home): the same id is the same carers; null when not known. */
  readonly carer: string | null;
  /** REASON_PLACE_CHANGE: why this placement ended, recorded when the next began. */
  readonly changeReason: string | null;
}

/** A period of care (from becoming looked after to ceasing to be), with its legal statuses and placements. */
export interface PeriodOfCareFact {
  readonly start: IsoDate;
  readonly end: IsoDate | null;
  /** REC: why the child ceased to be looked after (an E code). */
  readonly reasonCeased: string | null;
  /** CIN: the category of need recorded at the start of the period (N1 to N8); 504 keeps it for the whole period. */
  readonly categoryOfNeed: string | null;
  readonly legalStatuses: readonly LegalStatusFact[];
  readonly placements: readonly PlacementFact[];
}

/** One row of the SSDA903 Episodes table, without the child's id; dates as IsoDate, blanks as null. */
export interface Ssda903Episode {
  readonly DECOM: IsoDate;
  readonly RNE: string;
  readonly LS: string | null;
  readonly CIN: string | null;
  readonly PLACE: string | null;
  readonly PLACE_PROVIDER: string | null;
  readonly DEC: IsoDate | null;
  readonly REC: string | null;
  readonly REASON_PLACE_CHANGE: string | null;
  readonly HOME_POST: string | null;
  readonly PL_POST: string | null;
  readonly URN: string | null;
}

/** What an episode row shows on one day, and who the carers are. */
interface CareState {
  readonly LS: string | null;
  readonly PLACE: string | null;
  readonly PLACE_PROVIDER: string | null;
  readonly PL_POST: string | null;
  readonly URN: string | null;
  readonly HOME_POST: string | null;
  readonly carer: string | null;
  readonly placement: PlacementFact | undefined;
}

/** An episode being built: the day it starts, why, what it shows, and the last state merged into it. */
interface EpisodeRun {
  readonly start: IsoDate;
  readonly reason: string;
  readonly shown: CareState;
  latest: CareState;
}

/** Besides the legal status, the fields whose change starts a new episode: the placement and its carers. */
const placementFields = ['PLACE', 'PLACE_PROVIDER', 'PL_POST', 'URN', 'carer'] as const;
/** Reasons for a new episode that mean the placement changed, so the episode before gives the reason why (225). */
const placementChanged = new Set(['P', 'T', 'B', 'U']);
const shortBreak = (ls: string | null) => ls === 'V3' || ls === 'V4';

/** A postcode as the return writes it: capitals, one space before the inward code. */
function written(postcode: string | null): string | null {
  const compact = postcode?.replaceAll(/\s/g, '').toUpperCase() ?? '';
  if (compact === '') return null;
  return compact.length > 3 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
}

/** The fact in force on `day`: started by then and not yet ended (one ending on `day` gave way to the next). */
function inForce<F extends { readonly from: IsoDate; readonly to: IsoDate | null }>(
  facts: readonly F[],
  day: IsoDate,
): F | undefined {
  let found: F | undefined;
  for (const fact of facts) {
    if (fact.from <= day && (fact.to === null || day < fact.to) && (!found || fact.from >= found.from))
      found = fact;
  }
  return found;
}

/**
 * The child's care on `day` as the return shows it. The DfE asks for no provider for temporary
 * placements and Z11–Z14 (213), no URN where the setting is not registered with Ofsted (222), and no
 * postcodes or URN for short breaks (214, 398); for short breaks the carers are not a change point
 * either, since the return cannot show where the child stayed.
 */
function stateOn(period: PeriodOfCareFact, day: IsoDate): CareState {
  const LS = inForce(period.legalStatuses, day)?.code ?? null;
  const placement = inForce(period.placements, day);
  const PLACE = placement?.place ?? null;
  const located = placement !== undefined && !shortBreak(LS);
  return {
    LS,
    PLACE,
    PLACE_PROVIDER: PLACE === null || noProvider.has(PLACE) ? null : (placement?.provider ?? null),
    PL_POST: located ? written(placement.postcode) : null,
    URN: located && !noUrn.has(PLACE!) ? placement.urn : null,
    HOME_POST: located ? written(placement.homePostcode) : null,
    carer: located ? placement.carer : null,
    placement,
  };
}

/**
 * RNE for a new episode from what changed between two days of one period of care, or null when
 * nothing the return shows changed (DfE codes: L legal status only; P placement and carers; T
 * placement, same carers; B legal status, placement and carers; U legal status and placement, same
 * carers). Moves into or out of a temporary placement are P or B (380, 383); a single short break
 * (V3) is one episode wherever the child stays during it (366).
 */
function reasonForNewEpisode(before: CareState, after: CareState): string | null {
  const legalStatus = before.LS !== after.LS;
  const placement = placementFields.some((field) => before[field] !== after[field]);
  if (!placement) return legalStatus ? 'L' : null;
  if (!legalStatus && before.LS === 'V3') return null;
  const sameCarers =
    before.carer !== null &&
    before.carer === after.carer &&
    !isTemporary(before.PLACE) &&
    !isTemporary(after.PLACE);
  if (legalStatus) return sameCarers ? 'U' : 'B';
  return sameCarers ? 'T' : 'P';
}

/**
 * REASON_PLACE_CHANGE of an episode followed by `next`: why its placement ended, when the placement
 * changed (225); never for a temporary placement or the placement before one (226).
 */
function reasonPlacementChanged(run: EpisodeRun, next: EpisodeRun | undefined): string | null {
  if (!next || !placementChanged.has(next.reason)) return null;
  if (isTemporary(run.shown.PLACE) || isTemporary(next.shown.PLACE)) return null;
  return run.latest.placement?.changeReason ?? null;
}

/** The days on which a legal status or placement of the period begins or ends. */
function factDays(period: PeriodOfCareFact): IsoDate[] {
  return [...period.legalStatuses, ...period.placements].flatMap((fact) =>
    fact.to === null ? [fact.from] : [fact.from, fact.to],
  );
}

/** The episodes of one period of care, as known at `asAt` (later changes and a later end are not yet). */
function episodesOfPeriod(period: PeriodOfCareFact, asAt: IsoDate): Ssda903Episode[] {
  const ended = period.end !== null && period.end <= asAt ? period.end : null;
  const days = [...new Set(factDays(period))]
    .filter((day) => day > period.start && day <= asAt && (ended === null || day < ended))
    .sort();
  const first = stateOn(period, period.start);
  const runs: EpisodeRun[] = [{ start: period.start, reason: 'S', shown: first, latest: first }];
  for (const day of days) {
    const current = runs.at(-1)!;
    const state = stateOn(period, day);
    const reason = reasonForNewEpisode(current.shown, state);
    if (reason === null) current.latest = state;
    else runs.push({ start: day, reason, shown: state, latest: state });
  }
  return runs.map((run, index) => {
    const next = runs[index + 1];
    const { LS, PLACE, PLACE_PROVIDER, HOME_POST, PL_POST, URN } = run.shown;
    return {
      DECOM: run.start,
      RNE: run.reason,
      LS,
      CIN: period.categoryOfNeed,
      PLACE,
      PLACE_PROVIDER,
      DEC: next?.start ?? ended,
      REC: next ? 'X1' : ended === null ? null : period.reasonCeased,
      REASON_PLACE_CHANGE: reasonPlacementChanged(run, next),
      HOME_POST,
      PL_POST,
      URN,
    };
  });
}

/**
 * A child's rows of the SSDA903 Episodes table for the collection year starting 1 April `year`
 * (DfE, children looked after return 2025 to 2026: guide and validation rules). An episode is a
 * stretch of a period of care in which legal status, placement type, provider, placement postcode,
 * URN and carers all stay the same; a new one starts when any of them changes, with RNE from what
 * changed (S at the start of each period of care). Episodes within a period join with REC X1 on the
 * day the next begins; the last takes the period's REC. The return is as at 31 March: a change or an
 * end after it is not yet known, so an episode running past it is open. Only episodes open at some
 * time in the year are returned.
 */
export function ssda903Episodes(periods: readonly PeriodOfCareFact[], year: number): Ssda903Episode[] {
  const [yearStart, yearEnd] = [`${year}-04-01`, `${year + 1}-03-31`];
  return ssda903EpisodesAsAt(periods, yearEnd).filter(
    (episode) => episode.DEC === null || episode.DEC >= yearStart,
  );
}

/**
 * Every episode of the child's periods of care begun by `asAt`, as known that day (a change or an end after
 * it is not yet known): the episodes of {@link ssda903Episodes} for any date, as the indicators read them.
 */
export function ssda903EpisodesAsAt(periods: readonly PeriodOfCareFact[], asAt: IsoDate): Ssda903Episode[] {
  return [...periods]
    .filter((period) => period.start <= asAt)
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))
    .flatMap((period) => episodesOfPeriod(period, asAt));
}

/** An episode as the cells of its CSV row (dates DD/MM/YYYY, blanks empty), for the child `child`. */
export function episodeCells(
  child: string,
  episode: Ssda903Episode,
): Record<Ssda903Column<'Episodes'>, string> {
  return {
    CHILD: child,
    DECOM: writeUkDate(episode.DECOM),
    RNE: episode.RNE,
    LS: episode.LS ?? '',
    CIN: episode.CIN ?? '',
    PLACE: episode.PLACE ?? '',
    PLACE_PROVIDER: episode.PLACE_PROVIDER ?? '',
    DEC: episode.DEC === null ? '' : writeUkDate(episode.DEC),
    REC: episode.REC ?? '',
    REASON_PLACE_CHANGE: episode.REASON_PLACE_CHANGE ?? '',
    HOME_POST: episode.HOME_POST ?? '',
    PL_POST: episode.PL_POST ?? '',
    URN: episode.URN ?? '',
  };
}
