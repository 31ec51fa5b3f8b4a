import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.ts';
import type { ReturnFile } from '../../domain/returns/text.ts';
import { readSsda903 } from '../../domain/returns/ssda903/read.ts';
import {
  folderConvention,
  importProblems,
  yearOfReturn,
} from '../../domain/returns/ssda903/import-checks.ts';
import { importedChild, type ChildYear } from '../../domain/returns/ssda903/import-facts.ts';
import type { StitchFix } from '../../domain/returns/ssda903/import-stitch.ts';
import {
  emptySsda903Child,
  ssda903Tables,
  type Ssda903Child,
  type Ssda903Table,
} from '../../domain/returns/ssda903/tables.ts';
import { appendAudit, appendAuditNow, type AuditEntry } from '../../platform/audit.ts';
import { withTransaction } from '../../platform/transactions.ts';
import { londonDate, type Actor } from '../../platform/actor.ts';
import { councilCodes } from '../returns/ssda903-export.ts';
import type { ImportProblem, ImportReport } from './import-report.ts';
import {
  childIdsByLocalId,
  importingWorker,
  keepImport,
  writeImportedRows,
  type ImportedFact,
} from './queries.ts';
import { importTables, recordRowsOf } from './ssda903-import-rows.ts';

/** One year's return: its folder's name (or the zip's folder) and its CSV files. */
export interface ReturnFolder {
  readonly name: string;
  readonly files: readonly ReturnFile[];
}

export interface Ssda903ImportOptions {
  /** Import the rows that have no problem, leaving out those that do; otherwise a problem stops the import. */
  readonly skipBadRows?: boolean;
  /** Import a return whose folder names another council's DfE number. */
  readonly allowOtherCouncil?: boolean;
  /** Who imports: a person on the page; the command line imports as the council. */
  readonly actor?: Pick<Actor, 'userId' | 'workerId' | 'name' | 'ip' | 'route'>;
  readonly now?: Date;
  readonly onProgress?: (stage: string, done: number, total: number) => void;
}

/** Refused before anything was read into the record: another council's return, or no return at all. */
export class ImportRefused extends Error {}

interface YearRead {
  readonly folder: string;
  readonly year: number;
  readonly children: ReadonlyMap<string, Ssda903Child>;
  readonly files: ReadonlyMap<Ssda903Table, string>;
}

/** Reads each folder's return, its problems, its year and the council it names. */
function readFolders(folders: readonly ReturnFolder[]) {
  const problems: ImportProblem[] = [];
  const years: YearRead[] = [];
  const councils = new Map<string, string>();
  for (const folder of folders) {
    const reading = readSsda903(folder.files);
    problems.push(...importProblems(folder.name, reading.return, reading.problems));
    const convention = folderConvention(folder.name);
    if (convention.la) councils.set(folder.name, convention.la);
    const year = convention.year ?? yearOfReturn(reading.return);
    if (year === null) {
      problems.push({
        file: folder.name,
        row: 0,
        field: '',
        reason: 'neither the folder nor the episodes say which year this return is',
      });
      continue;
    }
    years.push({ folder: folder.name, year, children: reading.return.children, files: reading.return.files });
  }
  return { problems, years: years.sort((a, b) => a.year - b.year), councils };
}

/** A child's rows of one year without those a problem names (for --skip-bad-rows). */
function withoutBadRows(year: YearRead, child: Ssda903Child, bad: ReadonlySet<string>): Ssda903Child {
  if (bad.size === 0) return child;
  const kept = emptySsda903Child(child.id) as unknown as Record<string, unknown>;
  for (const table of ssda903Tables) {
    const file = `${year.folder}/${year.files.get(table)}`;
    kept[table] = (child[table] as readonly { row: number }[]).filter(
      (row) => !bad.has(`${file}:${row.row}`),
    );
  }
  return kept as unknown as Ssda903Child;
}

/** Each child's tables from every year, oldest first. */
function childrenAcrossYears(years: readonly YearRead[], problems: readonly ImportProblem[]) {
  const bad = new Set(problems.map((problem) => `${problem.file}:${problem.row}`));
  const children = new Map<string, ChildYear[]>();
  for (const year of years) {
    const fileOf = (table: Ssda903Table) => `${year.folder}/${year.files.get(table) ?? ''}`;
    for (const [localId, child] of year.children) {
      const list = children.get(localId) ?? [];
      list.push({ year: year.year, child: withoutBadRows(year, child, bad), fileOf });
      children.set(localId, list);
    }
  }
  return children;
}

const countNames: Record<string, string> = {
  children: 'children',
  episodes: 'referrals made for periods of care',
  care_periods: 'periods of care',
  legal_statuses: 'legal statuses',
  placements: 'placements',
  cla_reviews: 'reviews',
  missing_episodes: 'missing episodes',
  health_assessments: 'health assessments and dental checks',
  care_outcomes: 'years of outcomes (OC2)',
  adoption_decisions: 'adoption decisions',
  care_leaver_statuses: 'care leaver statuses',
  care_leaver_contacts: 'care leaver contacts',
};

/**
 * Imports past SSDA903 returns, one folder a year, into the council's record (issue 19, parts 1 and 5): each
 * year read and checked, the years stitched into one record per child (import-stitch.ts), and written in one
 * transaction keyed on the council's CHILD ids, so that a second run changes nothing. A return naming another
 * council is refused unless allowed; a problem stops the whole import unless bad rows are to be skipped.
 */
export async function importSsda903(
  db: Database,
  councilId: string,
  folders: readonly ReturnFolder[],
  options: Ssda903ImportOptions = {},
): Promise<ImportReport> {
  const now = options.now ?? new Date();
  const importId = uuidv7();
  const progress = options.onProgress ?? (() => {});
  progress('reading the returns', 0, folders.length);
  const { problems, years, councils } = readFolders(folders);
  const files = folders.flatMap((folder) => folder.files.map((file) => `${folder.name}/${file.name}`));
  const council = await councilCodes(db, councilId);
  const others = [...councils].filter(([, la]) => council?.dfe_code && la !== council.dfe_code);
  if (others.length && !options.allowOtherCouncil)
    throw new ImportRefused(
      `${others.map(([folder, la]) => `${folder} is council ${la}'s return`).join('; ')}, not this council's (${council!.dfe_code}): nothing imported. Give --allow-other-council to import it anyway.`,
    );
  const source = {
    councilId,
    userId: options.actor?.userId ?? null,
    workerId: options.actor?.workerId ?? null,
    ip: options.actor?.ip ?? null,
    route: options.actor?.route ?? null,
    now,
  };
  const fixes: StitchFix[] = [];
  const report: ImportReport = { kind: 'ssda903', files, counts: {}, problems, fixes, applied: false };
  if (problems.length && !options.skipBadRows) {
    await appendAuditNow(db, source, importedAudit(report, options));
    return report;
  }
  const children = childrenAcrossYears(years, problems);
  const known = await childIdsByLocalId(db, councilId, [...children.keys()]);
  const recordedBy = options.actor?.workerId ?? (await importingWorker(db, councilId));
  if (!recordedBy)
    throw new ImportRefused(
      'The council has no administrator on its staff list to record the imported facts as: add one first (hearth user add).',
    );
  const rows: Record<string, Record<string, unknown>[]> = Object.fromEntries(
    importTables.map((t) => [t, []]),
  );
  const facts: ImportedFact[] = [];
  let done = 0;
  for (const [localId, childYears] of children) {
    const child = importedChild(localId, childYears, fixes);
    const childId = known.get(localId) ?? uuidv7();
    const made = recordRowsOf(councilId, childId, child, recordedBy);
    for (const table of importTables) rows[table]!.push(...made.rows[table]!);
    facts.push(...made.facts);
    for (const source of child.socialWorkerRows)
      fixes.push({
        ...source,
        child: localId,
        fix: 'not imported',
        reason:
          'social worker episodes are not imported: Hearth cannot tell who SW_ID is until the worker is on its staff list',
      });
    if (++done % 500 === 0) progress('stitching the years', done, children.size);
  }
  const actor = actorFor(councilId, options.actor?.userId ?? importId, recordedBy, options, now);
  await withTransaction(db, actor, async (trx) => {
    const written = new Set<string>();
    for (const [index, table] of importTables.entries()) {
      progress('writing the record', index, importTables.length);
      const changed = await writeImportedRows(trx, table, rows[table]!);
      report.counts[countNames[table]!] = changed.length;
      for (const id of changed) written.add(id);
    }
    report.applied = true;
    await keepImport(trx, councilId, importId, report, options.actor?.name ?? 'the command line', now, facts);
    const byId = new Map([...known].map(([local, id]) => [id, local]));
    const perChild: AuditEntry[] = [...written].map((childId) => ({
      action: 'child.imported',
      childId,
      details: { import: importId, child: byId.get(childId) ?? null },
    }));
    await appendAudit(trx, source, [...perChild, importedAudit(report, options, importId)]);
  });
  progress('done', 1, 1);
  return report;
}

function importedAudit(report: ImportReport, options: Ssda903ImportOptions, importId?: string): AuditEntry {
  return {
    action: 'return.imported',
    details: {
      return: 'ssda903',
      import: importId ?? null,
      files: report.files.length,
      applied: report.applied,
      problems: report.problems.length,
      fixes: report.fixes.length,
      skipBadRows: Boolean(options.skipBadRows),
      allowOtherCouncil: Boolean(options.allowOtherCouncil),
    },
  };
}

/** The actor the record's history names: the person on the page, or the import itself from the command line. */
function actorFor(
  councilId: string,
  userId: string,
  workerId: string,
  options: Ssda903ImportOptions,
  now: Date,
): Actor {
  return {
    councilId,
    userId,
    workerId,
    role: 'administrator',
    name: options.actor?.name ?? 'the command line',
    email: '',
    sessionId: null,
    ip: options.actor?.ip ?? null,
    route: options.actor?.route ?? null,
    now,
    today: londonDate(now),
  };
}
