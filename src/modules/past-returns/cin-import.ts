import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.ts';
import { cinImportProblems } from '../../domain/returns/cin/import-check.ts';
import {
  stitchCinCensuses,
  type CensusRead,
  type RecordedEpisode,
} from '../../domain/returns/cin/import-stitch.ts';
import { readCin } from '../../domain/returns/cin/read.ts';
import type { ReturnFile } from '../../domain/returns/text.ts';
import { appendAudit, type AuditEntry } from '../../platform/audit.ts';
import { londonDate, type Actor } from '../../platform/actor.ts';
import { withTransaction } from '../../platform/transactions.ts';
import {
  childrenByLocalId,
  closeRecordedEpisode,
  councilAdministrator,
  councilDfeCode,
  episodesOfChildren,
  updateChildFromCensus,
} from './cin-queries.ts';
import { recordRowsOf, recordTableOrder, type HeldChild } from './cin-rows.ts';
import type { ImportProblem, ImportReport } from './import-report.ts';
import { insertRowsInBulk, keepImport } from './queries.ts';

/** The import could not run at all (exit code 2): another council's census, no one to record it as. */
export class CinImportRefused extends Error {}

export interface CinImportOptions {
  /** Take the children without problems from a file that has some (`--skip-bad-rows`). */
  readonly skipBadRows?: boolean;
  /** Take a census whose header names another council (`--allow-other-council`). */
  readonly allowOtherCouncil?: boolean;
  /** Who imports: the person on the page. The command line records it as the council's first administrator. */
  readonly actor?: Pick<Actor, 'userId' | 'workerId' | 'ip' | 'route'>;
  readonly now?: Date;
  readonly onProgress?: (stage: string, done: number, total: number) => void;
}

/** Each file read, with its problems as the report gives them. */
function readCensuses(files: readonly ReturnFile[], councilCode: string | null, options: CinImportOptions) {
  const problems: ImportProblem[] = [];
  const censuses: CensusRead[] = [];
  files.forEach((file, index) => {
    options.onProgress?.('reading', index, files.length);
    const reading = readCin(file);
    const unreadable = reading.problems.some((problem) => problem.fatal);
    // The census's Year is the year it ends: 2025 for 2024–25.
    const year = Number(reading.return.header?.Year);
    for (const problem of reading.problems)
      if (problem.code !== 'READ-ENCODING')
        problems.push({ file: file.name, row: problem.row, field: problem.field, reason: problem.message });
    if (!unreadable && !(year > 2000))
      problems.push({
        file: file.name,
        row: 0,
        field: 'Year',
        reason: 'the header gives no collection year.',
      });
    if (unreadable || !(year > 2000)) return;
    const lea = reading.return.header?.LEA ?? null;
    if (lea !== councilCode && !options.allowOtherCouncil)
      throw new CinImportRefused(
        councilCode === null
          ? `${file.name} is the census of council ${lea ?? '(none given)'}, and this council has no DfE code recorded to check it against: import it with --allow-other-council if it is this council's.`
          : `${file.name} is the census of council ${lea ?? '(none given)'}, not this council (${councilCode}): import it with --allow-other-council if that is meant.`,
      );
    const badRows = new Set(
      reading.problems.filter((problem) => problem.row > 0).map((problem) => problem.row),
    );
    const children = reading.return.children.filter((child) => {
      const found = cinImportProblems(child);
      for (const problem of found)
        problems.push({ file: file.name, row: child.row, field: problem.field, reason: problem.reason });
      return found.length === 0 && !badRows.has(child.row);
    });
    censuses.push({ file: file.name, year: year - 1, children });
  });
  return { problems, censuses };
}

/** What Hearth holds of the children named: their rows, and their episodes by referral date. */
async function heldRecord(db: Database, councilId: string, localIds: readonly string[]) {
  const held = new Map<string, HeldChild>();
  for (const child of await childrenByLocalId(db, councilId, localIds)) held.set(child.local_id, child);
  const localIdOf = new Map([...held.values()].map((child) => [child.id, child.local_id]));
  const episodes = new Map<
    string,
    Map<string, { id: string; closedOn: string | null; closureReason: string | null }>
  >();
  const forStitch = new Map<string, RecordedEpisode[]>();
  for (const episode of await episodesOfChildren(db, councilId, [...localIdOf.keys()])) {
    const localId = localIdOf.get(episode.child_id)!;
    const kept = { id: episode.id, closedOn: episode.closed_on, closureReason: episode.closure_reason };
    episodes.set(localId, (episodes.get(localId) ?? new Map()).set(episode.referral_date, kept));
    forStitch.set(localId, [
      ...(forStitch.get(localId) ?? []),
      { referralDate: episode.referral_date, ...kept },
    ]);
  }
  return { held, episodes, forStitch };
}

/**
 * Loads one or more years' CIN census files into the council's record (issue 19, parts 1 and 5) in one
 * transaction: children keyed on their LAchildID (so a rerun changes nothing), their episodes of need with
 * assessments and factors, CIN plans, section 47 enquiries, conferences, child protection plans and reviews,
 * stitched across the years with every fix reported and kept on the fact. A file with problems imports nothing
 * unless `skipBadRows`; then only its children without problems are taken. Audited: the import and each child.
 */
export async function importCinReturns(
  db: Database,
  councilId: string,
  files: readonly ReturnFile[],
  options: CinImportOptions = {},
): Promise<ImportReport> {
  const councilCode = await councilDfeCode(db, councilId);
  if (councilCode === undefined) throw new CinImportRefused(`There is no council ${councilId}.`);
  if (files.length === 0) throw new CinImportRefused('Name at least one CIN census file.');
  const by = options.actor ?? (await councilAdministrator(db, councilId));
  if (!by)
    throw new CinImportRefused('The council has no administrator to record the import as: add one first.');
  const { problems, censuses } = readCensuses(files, councilCode, options);
  const report: ImportReport = {
    kind: 'cin',
    files: files.map((file) => file.name),
    counts: {},
    problems,
    fixes: [],
    applied: false,
  };
  if ((problems.length > 0 && !options.skipBadRows) || censuses.length === 0) return report;

  options.onProgress?.('stitching', 0, 1);
  const localIds = [...new Set(censuses.flatMap((census) => census.children.map((child) => child.id)))];
  const held = await heldRecord(db, councilId, localIds);
  const stitched = stitchCinCensuses(censuses, held.forStitch);
  const written = recordRowsOf(councilId, by.workerId, stitched.children, held.held, held.episodes);
  report.fixes = [...stitched.fixes, ...written.fixes];
  report.counts = Object.fromEntries(
    recordTableOrder.map((table) => [table.replaceAll('_', ' '), written.rows[table].length]),
  );
  report.counts['episodes closed or trimmed'] = written.closures.length;
  report.counts['children changed'] = written.childChanges.length;
  report.applied = true;

  const now = options.now ?? new Date();
  const actor = { ...by, councilId, now, today: londonDate(now) } as Actor;
  await withTransaction(db, actor, async (trx) => {
    let done = 0;
    for (const table of recordTableOrder) {
      options.onProgress?.('writing', done++, recordTableOrder.length + 2);
      await insertRowsInBulk(trx, table, written.rows[table]);
    }
    for (const change of written.childChanges)
      await updateChildFromCensus(trx, councilId, change.childId, change.changes);
    for (const closure of written.closures)
      await closeRecordedEpisode(trx, councilId, closure.episodeId, closure.closedOn, closure.closureReason);
    options.onProgress?.('marking imported facts', done, recordTableOrder.length + 2);
    const importId = uuidv7();
    await keepImport(trx, councilId, importId, report, by.userId, now, written.facts);
    options.onProgress?.('auditing', done, recordTableOrder.length + 2);
    const entries: AuditEntry[] = written.childrenWritten.map((child) => ({
      action: 'child.imported',
      childId: child.childId,
      details: { import: importId, return: 'cin', localId: child.localId, created: child.created },
    }));
    entries.push({
      action: 'return.imported',
      details: {
        import: importId,
        return: 'cin',
        files: report.files,
        counts: report.counts,
        problems: problems.length,
        fixes: report.fixes.length,
      },
    });
    await appendAudit(
      trx,
      {
        councilId,
        userId: by.userId,
        workerId: by.workerId,
        ip: options.actor?.ip ?? null,
        route: options.actor?.route ?? null,
        now,
      },
      entries,
    );
    options.onProgress?.('done', recordTableOrder.length + 2, recordTableOrder.length + 2);
  });
  return report;
}
