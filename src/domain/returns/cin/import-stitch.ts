import { addDays, addMonths, type IsoDate } from '../dates.ts';
import type { CinChild, CinDetails } from './census.ts';

/**
 * Several years' CIN censuses made into one record per child (issue 19, part 1), as a data engineer would stitch
 * them: the same episode of need (same referral date) given in two years is kept once, the later year's closure
 * closing it; an episode left open in one year and absent from the next is closed on the last day it was seen;
 * overlapping episodes, and overlapping plans and enquiries, are trimmed to end the day before the next one starts.
 * Every change is a fix with its reason, so that nothing is silently changed.
 */

/** One census as read: the collection year it starts (2024 for 2024–25), its file and its children. */
export interface CensusRead {
  readonly file: string;
  readonly year: number;
  readonly children: readonly CinChild[];
}

/** Where a fact came from: a file and the child's position in it. */
export interface CensusSource {
  readonly file: string;
  readonly row: number;
}

export interface StitchFix {
  readonly file: string;
  readonly row: number | null;
  readonly child: string;
  readonly fix: string;
  readonly reason: string;
}

/** An episode Hearth already holds for the child (a rerun, or a year imported before): keyed on its referral. */
export interface RecordedEpisode {
  readonly referralDate: IsoDate;
  readonly closedOn: IsoDate | null;
  readonly closureReason: string | null;
}

interface Stitched {
  readonly source: CensusSource;
  /** The change the stitching made to it, in words; null when it is as the census gives it. */
  fix: string | null;
}

export interface StitchedAssessment extends Stitched {
  readonly start: IsoDate;
  readonly authorisedOn: IsoDate | null;
  readonly factors: readonly string[];
}

export interface StitchedCinPlan extends Stitched {
  readonly start: IsoDate;
  end: IsoDate | null;
}

export interface StitchedEnquiry extends Stitched {
  readonly start: IsoDate;
  /** InitialCPCtarget as given: the record keeps the strategy discussion 15 working days before it. */
  readonly conferenceTarget: IsoDate | null;
  readonly conferenceOn: IsoDate | null;
  /** The enquiry ended without a conference (ICPCnotRequired), at the latest in the year first saying so. */
  end: IsoDate | null;
}

export interface StitchedProtectionPlan extends Stitched {
  readonly start: IsoDate;
  end: IsoDate | null;
  readonly initialCategory: string | null;
  readonly latestCategory: string | null;
  readonly previousPlans: number | null;
  readonly reviews: readonly IsoDate[];
}

export interface StitchedEpisode extends Stitched {
  readonly referralDate: IsoDate;
  readonly referralSource: string | null;
  readonly primaryNeed: string | null;
  closedOn: IsoDate | null;
  closureReason: string | null;
  readonly noFurtherAction: boolean;
  reReferral: boolean;
  /** Hearth holds it already: only its closure may change. */
  readonly recorded: boolean;
  readonly assessments: readonly StitchedAssessment[];
  readonly cinPlans: readonly StitchedCinPlan[];
  readonly enquiries: readonly StitchedEnquiry[];
  readonly protectionPlans: readonly StitchedProtectionPlan[];
}

export interface StitchedChild {
  readonly localId: string;
  /** The latest census that gives the child, whose identifiers and characteristics are kept. */
  readonly latest: CinChild;
  readonly source: CensusSource;
  readonly episodes: readonly StitchedEpisode[];
}

/** Services ended for any other reason (DfE CIN census code list, ReasonForClosure). */
export const OTHER_CLOSURE = 'RC7';

const yearEnd = (year: number): IsoDate => `${year + 1}-03-31`;
const yearStart = (year: number): IsoDate => `${year}-04-01`;
const isTrue = (flag: string | null) => flag === 'true' || flag === '1';

/** One census's view of an episode, with the year it was given in. */
interface Version {
  readonly year: number;
  readonly source: CensusSource;
  readonly details: CinDetails;
}

/** Versions of the same thing by key, in the order of their years (a file's own repeats in file order). */
function byKey<T>(entries: readonly T[], key: (entry: T) => string | null): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const entry of entries) {
    const found = key(entry);
    if (found !== null) map.set(found, [...(map.get(found) ?? []), entry]);
  }
  return map;
}

/** The last version that gives a value, else the last one's null. */
const lastGiven = <T, V>(versions: readonly T[], value: (version: T) => V | null): V | null =>
  versions.map(value).findLast((given) => given !== null) ?? null;

function assessmentsOf(versions: readonly Version[]): StitchedAssessment[] {
  const all = versions.flatMap((version) =>
    version.details.Assessments.map((assessment) => ({ version, assessment })),
  );
  return [...byKey(all, (entry) => entry.assessment.AssessmentActualStartDate).entries()].map(
    ([start, same]) => ({
      start,
      authorisedOn: lastGiven(same, (entry) => entry.assessment.AssessmentAuthorisationDate),
      factors: same.map((entry) => entry.assessment.AssessmentFactors).findLast((f) => f.length > 0) ?? [],
      source: same.at(-1)!.version.source,
      fix: null,
    }),
  );
}

function cinPlansOf(versions: readonly Version[]): StitchedCinPlan[] {
  const all = versions.flatMap((version) => version.details.CINPlanDates.map((plan) => ({ version, plan })));
  return [...byKey(all, (entry) => entry.plan.CINPlanStartDate).entries()].map(([start, same]) => ({
    start,
    end: lastGiven(same, (entry) => entry.plan.CINPlanEndDate),
    source: same.at(-1)!.version.source,
    fix: null,
  }));
}

function enquiriesOf(versions: readonly Version[]): StitchedEnquiry[] {
  const all = versions.flatMap((version) => version.details.Section47.map((s47) => ({ version, s47 })));
  return [...byKey(all, (entry) => entry.s47.S47ActualStartDate).entries()].map(([start, same]) => {
    const conferenceOn = lastGiven(same, (entry) => entry.s47.DateOfInitialCPC);
    const notRequired = same.find((entry) => isTrue(entry.s47.ICPCnotRequired));
    return {
      start,
      conferenceTarget: lastGiven(same, (entry) => entry.s47.InitialCPCtarget),
      conferenceOn,
      // The census gives no end day: it ended in the first year saying so, and not before it started.
      end: conferenceOn ?? (notRequired ? maxDate(start, yearStart(notRequired.version.year)) : null),
      source: same.at(-1)!.version.source,
      fix: null,
    };
  });
}

function protectionPlansOf(versions: readonly Version[]): StitchedProtectionPlan[] {
  const all = versions.flatMap((version) =>
    version.details.ChildProtectionPlans.map((plan) => ({ version, plan })),
  );
  return [...byKey(all, (entry) => entry.plan.CPPstartDate).entries()].map(([start, same]) => {
    const previous = lastGiven(same, (entry) => entry.plan.NumberOfPreviousCPP);
    return {
      start,
      end: lastGiven(same, (entry) => entry.plan.CPPendDate),
      initialCategory: lastGiven(same, (entry) => entry.plan.InitialCategoryOfAbuse),
      latestCategory: lastGiven(same, (entry) => entry.plan.LatestCategoryOfAbuse),
      previousPlans: previous === null || !/^\d+$/.test(previous) ? null : Number(previous),
      reviews: [
        ...new Set(
          same.flatMap((entry) => entry.plan.Reviews.flatMap((review) => review.CPPreviewDate ?? [])),
        ),
      ].sort(),
      source: same.at(-1)!.version.source,
      fix: null,
    };
  });
}

const maxDate = (a: IsoDate, b: IsoDate) => (a > b ? a : b);
const describe = (source: CensusSource) => `${source.file} (child ${source.row})`;

/** One episode from its versions across the years, with the fix that made it one. */
function episodeOf(
  referralDate: IsoDate,
  versions: readonly Version[],
  recorded: RecordedEpisode | undefined,
) {
  const latest = versions.at(-1)!;
  const closing = versions.findLast((version) => version.details.CINclosureDate !== null);
  const closedOn = closing?.details.CINclosureDate ?? recorded?.closedOn ?? null;
  let fix: string | null = null;
  const files = new Set(versions.map((version) => version.source.file));
  const openBefore = versions.find((version) => version.details.CINclosureDate === null);
  if (closing && openBefore && openBefore.year < closing.year)
    fix = `Left open on ${yearEnd(openBefore.year)} in ${describe(openBefore.source)}; closed on ${closedOn} by ${describe(closing.source)}.`;
  else if (
    versions.filter((version) => version.details.CINclosureDate !== null).length > 1 ||
    (files.size < versions.length && versions.length > 1)
  )
    fix = `Given ${versions.length} times (${versions.map((version) => describe(version.source)).join(', ')}); kept once, as the latest gives it.`;
  // The record closes every referral that led to no further action; one still open on 31 March waits for the
  // year that closes it.
  if (isTrue(latest.details.ReferralNFA) && closedOn === null)
    fix = `${fix ?? ''}${fix ? ' ' : ''}ReferralNFA is true but the episode is open on ${yearEnd(latest.year)}: kept open, not yet marked no further action.`;
  const episode: StitchedEpisode = {
    referralDate,
    referralSource: latest.details.ReferralSource,
    primaryNeed: latest.details.PrimaryNeedCode,
    closedOn,
    closureReason: closing?.details.ReasonForClosure ?? (closing ? null : (recorded?.closureReason ?? null)),
    noFurtherAction: isTrue(latest.details.ReferralNFA) && closedOn !== null,
    reReferral: false,
    recorded: recorded !== undefined,
    assessments: assessmentsOf(versions),
    cinPlans: cinPlansOf(versions),
    enquiries: enquiriesOf(versions),
    protectionPlans: protectionPlansOf(versions),
    source: latest.source,
    fix,
  };
  return { episode, lastYear: Math.max(...versions.map((version) => version.year)) };
}

/** Appends a change to a fact's fix. */
function noteFix(fact: Stitched, words: string): void {
  fact.fix = fact.fix === null ? words : `${fact.fix} ${words}`;
}

/**
 * Trims things of one kind that overlap: each that is open, or ends on or after the next one's start, is ended
 * the day before the next starts (the record holds one open at a time, and the census's rules forbid overlaps).
 */
function trimOverlaps<T extends Stitched & { start: IsoDate; end: IsoDate | null }>(
  things: readonly T[],
  what: string,
  fixes: (thing: T, words: string) => void,
): void {
  const sorted = [...things].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  for (let index = 0; index + 1 < sorted.length; index++) {
    const thing = sorted[index]!;
    const next = sorted[index + 1]!;
    if (thing.end !== null && thing.end < next.start) continue;
    const was = thing.end === null ? 'open' : `ending ${thing.end}`;
    thing.end = addDays(next.start, -1);
    fixes(
      thing,
      `The ${what} starting ${thing.start} was ${was} when the next began on ${next.start}: ended ${thing.end}.`,
    );
  }
}

/** The episodes of one child: versions merged, left-open ones closed, overlaps trimmed, re-referrals marked. */
function stitchChild(
  latest: { child: CinChild; source: CensusSource },
  versions: readonly Version[],
  recorded: readonly RecordedEpisode[],
  lastCensusYear: number,
  fixes: StitchFix[],
): StitchedChild {
  const localId = latest.child.id;
  const byReferral = byKey(versions, (version) => version.details.CINreferralDate);
  const recordedByDate = new Map(recorded.map((episode) => [episode.referralDate, episode]));
  const episodes: StitchedEpisode[] = [];
  const lastYears = new Map<StitchedEpisode, number>();
  for (const [date, same] of byReferral) {
    const { episode, lastYear } = episodeOf(date, same, recordedByDate.get(date));
    episodes.push(episode);
    lastYears.set(episode, lastYear);
  }
  for (const episode of recorded)
    if (!byReferral.has(episode.referralDate))
      episodes.push({
        ...episode,
        referralSource: null,
        primaryNeed: null,
        noFurtherAction: false,
        reReferral: false,
        recorded: true,
        assessments: [],
        cinPlans: [],
        enquiries: [],
        protectionPlans: [],
        source: latest.source,
        fix: null,
      });
  episodes.sort((a, b) => (a.referralDate < b.referralDate ? -1 : 1));
  for (const episode of episodes) {
    const lastYear = lastYears.get(episode);
    if (episode.closedOn !== null || lastYear === undefined || lastYear >= lastCensusYear) continue;
    episode.closedOn = yearEnd(lastYear);
    episode.closureReason = OTHER_CLOSURE;
    noteFix(
      episode,
      `Open on ${yearEnd(lastYear)} and not in a later census: closed that day (${OTHER_CLOSURE}, services ended).`,
    );
  }
  const spans = episodes.map((episode) => ({
    episode,
    start: episode.referralDate,
    end: episode.closedOn,
    source: episode.source,
    fix: null as string | null,
  }));
  trimOverlaps(spans, 'episode', (span, words) => {
    span.episode.closedOn = span.end;
    span.episode.closureReason ??= OTHER_CLOSURE;
    noteFix(span.episode, words);
  });
  const all = <T>(pick: (episode: StitchedEpisode) => readonly T[]) => episodes.flatMap(pick);
  trimOverlaps(
    all((episode) => episode.cinPlans),
    'child in need plan',
    noteFix,
  );
  trimOverlaps(
    all((episode) => episode.protectionPlans),
    'child protection plan',
    noteFix,
  );
  trimOverlaps(
    all((episode) => episode.enquiries),
    'section 47 enquiry',
    noteFix,
  );
  // A re-referral: within 12 months of the child's previous referral (DfE children in need statistics).
  episodes.forEach((episode, index) => {
    const previous = episodes[index - 1];
    episode.reReferral =
      previous !== undefined && previous.referralDate >= addMonths(episode.referralDate, -12);
  });
  for (const episode of episodes) {
    const facts = [episode, ...episode.cinPlans, ...episode.protectionPlans, ...episode.enquiries];
    for (const fact of facts)
      if (fact.fix !== null)
        fixes.push({
          file: fact.source.file,
          row: fact.source.row,
          child: localId,
          fix: fact.fix,
          reason: reasonOf(fact.fix),
        });
  }
  return { localId, latest: latest.child, source: latest.source, episodes };
}

/** The kind of fix, for the report's reason column. */
function reasonOf(fix: string): string {
  if (fix.startsWith('Left open')) return 'an episode left open in one year is closed by the next';
  if (fix.startsWith('Given')) return 'the same episode given more than once is kept once';
  if (fix.startsWith('Open on'))
    return 'an episode left open and missing from the next year ended with its last year';
  return 'overlaps are trimmed: one ends the day before the next starts';
}

/**
 * Stitches the censuses (any order) into one record per child, keyed on LAchildID, against the episodes Hearth
 * already holds for each child. Returns the children and every fix made.
 */
export function stitchCinCensuses(
  censuses: readonly CensusRead[],
  recorded: ReadonlyMap<string, readonly RecordedEpisode[]> = new Map(),
): { children: StitchedChild[]; fixes: StitchFix[] } {
  const ordered = [...censuses].sort((a, b) => a.year - b.year);
  const lastCensusYear = Math.max(...ordered.map((census) => census.year));
  const versions = new Map<string, { child: CinChild; source: CensusSource; versions: Version[] }[]>();
  for (const census of ordered)
    for (const child of census.children) {
      const list = versions.get(child.id) ?? [];
      const source = { file: census.file, row: child.row };
      list.push({
        child,
        source,
        versions: child.CINdetails.map((details) => ({ year: census.year, source, details })),
      });
      versions.set(child.id, list);
    }
  const fixes: StitchFix[] = [];
  const children = [...versions.entries()].map(([localId, given]) =>
    stitchChild(
      given.at(-1)!,
      given.flatMap((entry) => entry.versions),
      recorded.get(localId) ?? [],
      lastCensusYear,
      fixes,
    ),
  );
  return { children, fixes };
}
