import { ageOn, birthday, writeUkDate, type IsoDate } from '../dates.ts';
import {
  periodsOfCare,
  stitchEpisodes,
  type Source,
  type StitchedPeriod,
  type StitchFix,
} from './import-stitch.ts';
import type { Ssda903Child, Ssda903Row, Ssda903Table } from './tables.ts';

/** One child's tables from one year's return, with the year and the file each table came from. */
export interface ChildYear {
  readonly year: number;
  readonly child: Ssda903Child;
  readonly fileOf: (table: Ssda903Table) => string;
}

/** A fact with where it came from and what the import changed (null when it took it as it was). */
export type Sourced<F> = F & { readonly source: Source; readonly fix: string | null };

export interface ImportedChild {
  readonly localId: string;
  readonly header: Sourced<{
    sex: string | null;
    dateOfBirth: IsoDate | null;
    ethnicity: string | null;
    upn: string | null;
    firstChildBornOn: IsoDate | null;
    uasc: boolean;
    uascCeasedOn: IsoDate | null;
  }>;
  readonly periods: readonly (StitchedPeriod & {
    previousPermanence: Sourced<{ code: string; council: string | null; date: string | null }> | null;
  })[];
  readonly reviews: readonly Sourced<{ heldOn: IsoDate; participation: string }>[];
  readonly missing: readonly Sourced<{ kind: 'M' | 'A'; start: IsoDate; end: IsoDate | null }>[];
  readonly outcomes: readonly Sourced<OutcomesShown>[];
  readonly healthChecks: readonly Sourced<{ kind: 'review' | 'dental'; on: IsoDate }>[];
  readonly careLeaverContacts: readonly Sourced<{
    on: IsoDate;
    inTouch: string;
    accommodation: string | null;
    activity: string | null;
  }>[];
  readonly adoptionDecisions: readonly Sourced<AdoptionShown>[];
  /** SWEpisodes rows: Hearth cannot tell who SW_ID is until the worker is on its staff list. */
  readonly socialWorkerRows: readonly Source[];
}

export interface OutcomesShown {
  yearEnding: IsoDate;
  sdqScore: number | null;
  sdqReason: string | null;
  convicted: boolean | null;
  immunisationsUpToDate: boolean | null;
  substanceMisuse: boolean | null;
  interventionReceived: boolean | null;
  interventionOffered: boolean | null;
}

export interface AdoptionShown {
  decidedOn: IsoDate;
  reversedOn: IsoDate | null;
  reversalReason: string | null;
  matchedOn: IsoDate | null;
  adoptersCount: number | null;
  adoptersSex: string | null;
  adoptersLegalStatus: string | null;
  byFosterCarers: boolean | null;
}

const flag = (value: string | null) => (value === '1' ? true : value === '0' ? false : null);
const uk = (date: IsoDate) => writeUkDate(date);

/** Every row of one table across the years, oldest year first, with where it came from. */
function rowsOf<T extends Ssda903Table>(years: readonly ChildYear[], table: T) {
  return years.flatMap((each) =>
    (each.child[table] as unknown as readonly Ssda903Row<T>[]).map((row) => ({
      row,
      year: each.year,
      source: { file: each.fileOf(table), row: row.row } as Source,
    })),
  );
}

/**
 * Rows keyed by `key`, kept once: a later year's row replaces an earlier one. A repeat that only fills in what
 * the earlier left blank is the returns working as meant; any other is listed as a fix.
 */
function keptOnce<R extends { source: Source }>(
  child: string,
  rows: readonly R[],
  key: (row: R) => string,
  differs: (earlier: R, later: R) => boolean,
  fixes: StitchFix[],
): (R & { fix: string | null })[] {
  const kept = new Map<string, R & { fix: string | null }>();
  for (const row of rows) {
    const earlier = kept.get(key(row));
    let fix: string | null = null;
    if (earlier && differs(earlier, row)) {
      fix = `also in ${earlier.source.file} (line ${earlier.source.row}), which differs: kept as this later return has it`;
      fixes.push({ ...row.source, child, fix: 'duplicate kept once', reason: fix });
    }
    kept.set(key(row), { ...row, fix });
  }
  return [...kept.values()];
}

/** The Header across the years: the latest year's, with a fix listed for each field that changed. */
function headerOf(years: readonly ChildYear[], localId: string, fixes: StitchFix[]): ImportedChild['header'] {
  const headers = rowsOf(years, 'Header');
  const latest = headers.at(-1);
  const changed = (['SEX', 'DOB', 'ETHNIC'] as const).filter((column) =>
    headers.some((each) => each.row[column] !== null && each.row[column] !== latest?.row[column]),
  );
  let fix: string | null = null;
  if (latest && changed.length) {
    fix = `earlier returns give ${changed.join(', ')} otherwise: the latest kept`;
    fixes.push({ ...latest.source, child: localId, fix: 'header differs between years', reason: fix });
  }
  const upn = latest?.row.UPN ?? null;
  if (upn !== null && /^UN([3-9]|10)$/.test(upn)) {
    const reason = `UPN ${upn} says why there is no UPN: Hearth records a UPN or none, and returns UN1 and UN2 only`;
    fixes.push({ ...latest!.source, child: localId, fix: 'UPN reason not kept', reason });
    fix = fix ? `${fix}; ${reason}` : reason;
  }
  const uasc = rowsOf(years, 'UASC');
  return {
    sex: latest?.row.SEX ?? uasc.at(-1)?.row.SEX ?? null,
    dateOfBirth: latest?.row.DOB ?? uasc.at(-1)?.row.DOB ?? null,
    ethnicity: latest?.row.ETHNIC ?? null,
    upn: upn !== null && !upn.startsWith('UN') ? upn : null,
    firstChildBornOn: headers.findLast((each) => each.row.MC_DOB !== null)?.row.MC_DOB ?? null,
    uasc: uasc.length > 0,
    uascCeasedOn: uasc.findLast((each) => each.row.DUC !== null)?.row.DUC ?? null,
    source: latest?.source ?? uasc.at(-1)?.source ?? { file: '', row: null },
    fix,
  };
}

/** OC2 rows as outcomes of their year, and the health assessments and dental checks they say were held. */
function outcomesOf(years: readonly ChildYear[]) {
  const outcomes: Sourced<OutcomesShown>[] = [];
  const healthChecks: Sourced<{ kind: 'review' | 'dental'; on: IsoDate }>[] = [];
  for (const { row, year, source } of rowsOf(years, 'OC2')) {
    const yearEnding = `${year + 1}-03-31`;
    outcomes.push({
      yearEnding,
      sdqScore: row.SDQ_SCORE === null ? null : Number(row.SDQ_SCORE),
      sdqReason: row.SDQ_SCORE === null ? row.SDQ_REASON : null,
      convicted: flag(row.CONVICTED),
      immunisationsUpToDate: flag(row.IMMUNISATIONS),
      substanceMisuse: flag(row.SUBSTANCE_MISUSE),
      interventionReceived: flag(row.INTERVENTION_RECEIVED),
      interventionOffered: flag(row.INTERVENTION_OFFERED),
      source,
      fix: null,
    });
    const undated = (what: string) =>
      `the return says ${what} was held in the year to ${uk(yearEnding)} but not when: dated that day`;
    if (row.HEALTH_ASSESSMENT === '1' || row.HEALTH_CHECK === '1')
      healthChecks.push({ kind: 'review', on: yearEnding, source, fix: undated('a health assessment') });
    if (row.TEETH_CHECK === '1')
      healthChecks.push({ kind: 'dental', on: yearEnding, source, fix: undated('a dental check') });
  }
  return { outcomes, healthChecks };
}

/** OC3 rows as keeping-in-touch contacts on the birthday the return is about (17th to 21st in its year). */
function contactsOf(
  years: readonly ChildYear[],
  dateOfBirth: IsoDate | null,
): ImportedChild['careLeaverContacts'] {
  return rowsOf(years, 'OC3').flatMap(({ row, year, source }) => {
    const dob = row.DOB ?? dateOfBirth;
    if (dob === null) return [];
    const on = [17, 18, 19, 20, 21]
      .map((age) => birthday(dob, age))
      .find((day) => `${year}-04-01` <= day && day <= `${year + 1}-03-31`);
    if (!on) return [];
    return [
      {
        on,
        inTouch: row.IN_TOUCH!,
        accommodation: row.ACCOM,
        activity: row.ACTIV,
        source,
        fix: `the return gives the contact around the ${ageOn(dob, on)}th birthday: dated on it`,
      },
    ];
  });
}

/** PlacedAdoption and AD1 rows as decisions to place for adoption, one per DATE_PLACED (DATE_INT). */
function adoptionsOf(years: readonly ChildYear[], localId: string, fixes: StitchFix[]) {
  const decisions = new Map<IsoDate, Sourced<AdoptionShown>>();
  const placed = rowsOf(years, 'PlacedAdoption').map(({ row, source }) => ({
    decidedOn: row.DATE_PLACED!,
    reversedOn: row.DATE_PLACED_CEASED,
    reversalReason: row.DATE_PLACED_CEASED === null ? null : row.REASON_PLACED_CEASED,
    source,
  }));
  for (const decision of keptOnce(
    localId,
    placed,
    (each) => each.decidedOn,
    (a, b) => a.reversedOn !== null && a.reversedOn !== b.reversedOn,
    fixes,
  ))
    decisions.set(decision.decidedOn, {
      ...decision,
      matchedOn: null,
      adoptersCount: null,
      adoptersSex: null,
      adoptersLegalStatus: null,
      byFosterCarers: null,
    });
  for (const { row, source } of rowsOf(years, 'AD1')) {
    if (row.DATE_INT === null) continue;
    const before = decisions.get(row.DATE_INT);
    decisions.set(row.DATE_INT, {
      decidedOn: row.DATE_INT,
      reversedOn: before?.reversedOn ?? null,
      reversalReason: before?.reversalReason ?? null,
      matchedOn: row.DATE_MATCH,
      adoptersCount: row.NB_ADOPTR === '1' || row.NB_ADOPTR === '2' ? Number(row.NB_ADOPTR) : null,
      adoptersSex: row.SEX_ADOPTR,
      adoptersLegalStatus: row.LS_ADOPTR,
      byFosterCarers: flag(row.FOSTER_CARE),
      source: before?.source ?? source,
      fix: before?.fix ?? null,
    });
  }
  return [...decisions.values()];
}

/** The period of care a day falls in, or undefined. */
export function periodOn<P extends { start: IsoDate; end: IsoDate | null }>(
  periods: readonly P[],
  day: IsoDate,
) {
  return periods.find((period) => period.start <= day && (period.end === null || day <= period.end));
}

/**
 * One child's record from every year's return: episodes stitched into periods of care (import-stitch.ts), and
 * the other tables kept once across the years. Each fix is pushed to `fixes` and kept on the fact it changed.
 */
export function importedChild(
  localId: string,
  years: readonly ChildYear[],
  fixes: StitchFix[],
): ImportedChild {
  const header = headerOf(years, localId, fixes);
  const episodes = rowsOf(years, 'Episodes').map(({ row, year, source }) => ({
    episode: row,
    year,
    file: source.file,
  }));
  const stitched = periodsOfCare(localId, stitchEpisodes(localId, episodes, fixes), fixes);
  const permanence = rowsOf(years, 'PrevPerm');
  const periods = stitched.map((period) => {
    // PrevPerm is returned the year the latest period of care began (630).
    const found = permanence.findLast(
      ({ year, row }) =>
        `${year}-04-01` <= period.start && period.start <= `${year + 1}-03-31` && row.PREV_PERM,
    );
    return {
      ...period,
      previousPermanence: found
        ? {
            code: found.row.PREV_PERM!,
            council: found.row.LA_PERM,
            date: found.row.DATE_PERM,
            source: found.source,
            fix: null,
          }
        : null,
    };
  });
  const reviews = keptOnce(
    localId,
    rowsOf(years, 'Reviews').map(({ row, source }) => ({
      heldOn: row.REVIEW!,
      participation: row.REVIEW_CODE!,
      source,
    })),
    (review) => review.heldOn,
    (a, b) => a.participation !== b.participation,
    fixes,
  );
  const missing = keptOnce(
    localId,
    rowsOf(years, 'Missing').map(({ row, source }) => ({
      kind: row.MISSING as 'M' | 'A',
      start: row.MIS_START!,
      end: row.MIS_END,
      source,
    })),
    (each) => `${each.kind} ${each.start}`,
    (a, b) => a.end !== null && a.end !== b.end,
    fixes,
  );
  const careLeaverContacts = contactsOf(years, header.dateOfBirth);
  unreturnableCareLeaver(localId, header, periods, careLeaverContacts, fixes);
  return {
    localId,
    header,
    periods,
    reviews,
    missing,
    ...outcomesOf(years),
    careLeaverContacts,
    adoptionDecisions: adoptionsOf(years, localId, fixes),
    socialWorkerRows: rowsOf(years, 'SWEpisodes').map(({ source }) => source),
  };
}

/**
 * A care leaver whose period of care is in none of the returns imported (OC3 without Episodes): the contact is
 * kept, but the return Hearth makes asks for the period of care before it (careLeaverRow), so the young person
 * is not returned until it is recorded. Listed, with the Header row, so that the difference is not silent.
 */
function unreturnableCareLeaver(
  localId: string,
  header: ImportedChild['header'],
  periods: readonly { end: IsoDate | null }[],
  contacts: ImportedChild['careLeaverContacts'],
  fixes: StitchFix[],
): void {
  const orphans = contacts.filter(
    (contact) => !periods.some((period) => period.end !== null && period.end < contact.on),
  );
  if (orphans.length === 0) return;
  const reason =
    'a care leaver (OC3) whose period of care is in none of these returns: the contact is kept, but Hearth returns the young person only once the period of care is recorded';
  for (const contact of orphans)
    fixes.push({ ...contact.source, child: localId, fix: 'care leaver without care', reason });
  if (header.source.file)
    fixes.push({ ...header.source, child: localId, fix: 'care leaver without care', reason });
}
