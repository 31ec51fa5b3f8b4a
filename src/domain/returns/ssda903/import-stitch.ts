import { writeUkDate, type IsoDate } from '../dates.ts';
import type { EpisodeRow } from './tables.ts';

/**
 * Past SSDA903 returns made one record (issue 19, part 1): the inverse of `episodes.ts`. Each year's Episodes
 * table shows a child's care as known on 31 March; years overlap (an episode open at one year's end is in the
 * next year's return too) and disagree. The rules here stitch them as a data engineer would, and say what they
 * changed and why, so that nothing is changed silently.
 */

/** Where a fact came from: the file (folder/name) and its line. */
export interface Source {
  readonly file: string;
  readonly row: number | null;
}

/** A change the import made to what the returns said, kept with the fact it changed. */
export interface StitchFix extends Source {
  readonly child: string;
  readonly fix: string;
  readonly reason: string;
}

/** One Episodes row of one year's return, with where it came from. */
export interface SourcedEpisode {
  readonly episode: EpisodeRow;
  readonly file: string;
  /** The collection year of its return (starting 1 April), for ordering the years. */
  readonly year: number;
}

/** An episode as the import will record it: its dates may have been closed or trimmed (`fix` says how). */
export interface StitchedEpisode {
  readonly DECOM: IsoDate;
  DEC: IsoDate | null;
  REC: string | null;
  readonly RNE: string | null;
  readonly LS: string | null;
  readonly CIN: string | null;
  readonly PLACE: string | null;
  readonly PLACE_PROVIDER: string | null;
  readonly REASON_PLACE_CHANGE: string | null;
  readonly HOME_POST: string | null;
  readonly PL_POST: string | null;
  readonly URN: string | null;
  readonly source: Source;
  fixes: string[];
}

const uk = (date: IsoDate | null) => (date === null ? 'open' : writeUkDate(date));
/** The columns that say what an episode was; an end filled in by a later year is no disagreement. */
const describing = ['RNE', 'LS', 'CIN', 'PLACE', 'PLACE_PROVIDER', 'HOME_POST', 'PL_POST', 'URN'] as const;
/** REC for a period whose end no return gives: "ceased for any other reason" (SSDA903 code E8). */
export const UNKNOWN_END = 'E8';

function stitched(sourced: SourcedEpisode): StitchedEpisode {
  const row = sourced.episode;
  return {
    DECOM: row.DECOM!,
    DEC: row.DEC,
    REC: row.REC,
    RNE: row.RNE,
    LS: row.LS,
    CIN: row.CIN,
    PLACE: row.PLACE,
    PLACE_PROVIDER: row.PLACE_PROVIDER,
    REASON_PLACE_CHANGE: row.REASON_PLACE_CHANGE,
    HOME_POST: row.HOME_POST,
    PL_POST: row.PL_POST,
    URN: row.URN,
    source: { file: sourced.file, row: row.row },
    fixes: [],
  };
}

/**
 * The same episode (same child, same DECOM) in two returns is kept once, as the later return has it. An episode
 * open in one year and given its end by the next is what the DfE expects, not a fix; any other repeat is listed.
 */
function keepOnce(episodes: readonly SourcedEpisode[], child: string, fixes: StitchFix[]): StitchedEpisode[] {
  const ordered = [...episodes].sort((a, b) => a.year - b.year || a.episode.row - b.episode.row);
  const kept = new Map<IsoDate, StitchedEpisode>();
  for (const sourced of ordered) {
    const next = stitched(sourced);
    const earlier = kept.get(next.DECOM);
    kept.set(next.DECOM, next);
    if (!earlier) continue;
    const differing = describing.filter((column) => earlier[column] !== next[column]);
    const ended = earlier.DEC !== next.DEC || earlier.REC !== next.REC;
    if (differing.length === 0 && earlier.DEC === null && next.DEC !== null) continue;
    const fix =
      differing.length === 0 && !ended
        ? `the episode from ${uk(next.DECOM)} is also in ${earlier.source.file} (line ${earlier.source.row}): kept once`
        : `the episode from ${uk(next.DECOM)} is also in ${earlier.source.file} (line ${earlier.source.row}), which gives ${[...differing, ...(ended ? ['DEC', 'REC'] : [])].join(', ')} otherwise: kept as this later return has it`;
    next.fixes.push(fix);
    fixes.push({ ...next.source, child, fix: 'duplicate kept once', reason: fix });
  }
  return [...kept.values()].sort((a, b) => (a.DECOM < b.DECOM ? -1 : 1));
}

/**
 * A child's episodes from every year, in order of DECOM, made to follow one another: duplicates kept once; an
 * episode left open that another follows closed the day the next began (X1 when the next continues the period,
 * E8 when it starts a new one); an episode running past the start of the next trimmed to end that day; a period
 * continued (X1) with a gap before the next episode joined to it.
 */
export function stitchEpisodes(
  child: string,
  episodes: readonly SourcedEpisode[],
  fixes: StitchFix[],
): StitchedEpisode[] {
  const kept = keepOnce(episodes, child, fixes);
  const note = (episode: StitchedEpisode, fix: string, reason: string) => {
    episode.fixes.push(reason);
    fixes.push({ ...episode.source, child, fix, reason });
  };
  kept.forEach((episode, index) => {
    const next = kept[index + 1];
    if (!next) {
      if (episode.DEC !== null && episode.REC === 'X1') {
        note(
          episode,
          'continued episode left open',
          `the episode from ${uk(episode.DECOM)} ends X1 on ${uk(episode.DEC)} but no return has the episode after it: the period of care is left open`,
        );
        episode.DEC = null;
        episode.REC = null;
      }
      return;
    }
    const startsPeriod = next.RNE === 'S';
    if (episode.DEC === null) {
      episode.DEC = next.DECOM;
      episode.REC = startsPeriod ? UNKNOWN_END : 'X1';
      note(
        episode,
        'open episode closed',
        `the episode from ${uk(episode.DECOM)} was left open, and ${next.source.file} has the next from ${uk(next.DECOM)}: closed that day, ${startsPeriod ? 'its period of care ending E8 (reason not known)' : 'X1'}`,
      );
    } else if (episode.DEC > next.DECOM) {
      note(
        episode,
        'overlap trimmed',
        `the episode from ${uk(episode.DECOM)} ended ${uk(episode.DEC)}, after the next began (${uk(next.DECOM)}): ended the day the next began`,
      );
      episode.DEC = next.DECOM;
    } else if (episode.REC === 'X1' && episode.DEC < next.DECOM && !startsPeriod) {
      note(
        episode,
        'gap joined',
        `the episode from ${uk(episode.DECOM)} ended X1 on ${uk(episode.DEC)} but the next began ${uk(next.DECOM)}: extended to it`,
      );
      episode.DEC = next.DECOM;
    }
  });
  return kept;
}

/** A period of care made of stitched episodes: from the first DECOM to the last DEC, ended with the last REC. */
export interface StitchedPeriod {
  readonly start: IsoDate;
  readonly end: IsoDate | null;
  readonly reasonCeased: string | null;
  readonly categoryOfNeed: string | null;
  readonly episodes: readonly StitchedEpisode[];
}

/**
 * The periods of care of a child's stitched episodes: a new one begins with RNE S, or after an episode that
 * ended with a reason other than X1. An X1 before an S ends its period E8 (the reason is not known).
 */
export function periodsOfCare(
  child: string,
  episodes: StitchedEpisode[],
  fixes: StitchFix[],
): StitchedPeriod[] {
  const groups: StitchedEpisode[][] = [];
  episodes.forEach((episode, index) => {
    const before = episodes[index - 1];
    if (!before || episode.RNE === 'S' || (before.REC !== null && before.REC !== 'X1')) {
      if (before && before.REC === 'X1') {
        before.REC = UNKNOWN_END;
        const reason = `the episode from ${uk(before.DECOM)} ends X1, but the next starts a period of care (S): its period ends E8 (reason not known)`;
        before.fixes.push(reason);
        fixes.push({ ...before.source, child, fix: 'period ended', reason });
      }
      if (!before && episode.RNE !== 'S') {
        const reason = `the first episode in these returns (from ${uk(episode.DECOM)}, RNE ${episode.RNE}) continues a period of care begun before them: the period is recorded from it, and returned as S`;
        episode.fixes.push(reason);
        fixes.push({ ...episode.source, child, fix: 'period begun before the returns', reason });
      }
      if (before && episode.RNE !== 'S') {
        const reason = `the episode from ${uk(episode.DECOM)} follows one that ended ${before.REC}: it starts a period of care, returned as S`;
        episode.fixes.push(reason);
        fixes.push({ ...episode.source, child, fix: 'period started', reason });
      }
      groups.push([episode]);
    } else groups.at(-1)!.push(episode);
  });
  return groups.map((group) => {
    const last = group.at(-1)!;
    return {
      start: group[0]!.DECOM,
      end: last.DEC,
      reasonCeased: last.DEC === null ? null : last.REC,
      categoryOfNeed: group[0]!.CIN,
      episodes: group,
    };
  });
}

/** A legal status or placement in force from `from` until `to` (the day the next began), made of episodes. */
export interface Run<F> {
  readonly from: IsoDate;
  readonly to: IsoDate | null;
  readonly fact: F;
  readonly episodes: readonly StitchedEpisode[];
}

/** The legal statuses of a period: a new one whenever LS changes. */
export function legalStatusesOf(period: StitchedPeriod): Run<{ code: string }>[] {
  return runs(
    period,
    (before, episode) => before.LS !== episode.LS,
    (first) => ({ code: first.LS ?? '' }),
  );
}

/** What the return shows of a placement. */
export interface PlacementShown {
  readonly place: string;
  readonly provider: string;
  readonly postcode: string | null;
  readonly homePostcode: string | null;
  readonly urn: string | null;
  /** REASON_PLACE_CHANGE of its last episode: why it ended. */
  readonly changeReason: string | null;
  /** The carers, numbered within the child: the return says only whether they stayed (T, U) or changed. */
  readonly carers: number;
}

const placementChange = new Set(['P', 'T', 'B', 'U']);
const sameCarers = new Set(['T', 'U']);
const placementColumns = ['PLACE', 'PLACE_PROVIDER', 'PL_POST', 'URN', 'HOME_POST'] as const;

/**
 * The placements of a period: a new one when RNE says the placement changed (P, T, B, U) or a column of it
 * differs. The carers stay with T and U, and change otherwise; `carersBefore` numbers them across periods.
 */
export function placementsOf(period: StitchedPeriod, carersBefore: number): Run<PlacementShown>[] {
  let carers = carersBefore;
  return runs(
    period,
    (before, episode) =>
      placementChange.has(episode.RNE ?? '') ||
      placementColumns.some((column) => before[column] !== episode[column]),
    (first, last) => {
      if (!sameCarers.has(first.RNE ?? '') || carers === carersBefore) carers += 1;
      return {
        place: first.PLACE ?? '',
        provider: first.PLACE_PROVIDER ?? '',
        postcode: first.PL_POST,
        homePostcode: first.HOME_POST,
        urn: first.URN,
        changeReason: last.REASON_PLACE_CHANGE,
        carers,
      };
    },
  );
}

function runs<F>(
  period: StitchedPeriod,
  changes: (before: StitchedEpisode, episode: StitchedEpisode) => boolean,
  factOf: (first: StitchedEpisode, last: StitchedEpisode) => F,
): Run<F>[] {
  const groups: StitchedEpisode[][] = [];
  period.episodes.forEach((episode, index) => {
    const before = period.episodes[index - 1];
    if (!before || changes(before, episode)) groups.push([episode]);
    else groups.at(-1)!.push(episode);
  });
  return groups.map((group, index) => ({
    from: group[0]!.DECOM,
    to: groups[index + 1]?.[0]!.DECOM ?? period.end,
    fact: factOf(group[0]!, group.at(-1)!),
    episodes: group,
  }));
}
