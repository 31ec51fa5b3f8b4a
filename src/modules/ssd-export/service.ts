import type { Database } from '../../db/database.ts';
import type { IsoDate } from '../../domain/returns/dates.ts';
import { buildSsd, ssdFiles, type SsdExport } from '../../domain/returns/ssd/export.ts';
import type { SsdChildFacts } from '../../domain/returns/ssd/facts.ts';
import type { SsdTable } from '../../domain/returns/ssd/tables.ts';
import { appendAuditNow, type AuditSource } from '../../platform/audit.ts';
import { readAssessmentFactors, readRecords } from '../record/service.ts';
import { workersAndTeams } from '../returns/ssda903-export.ts';
import { ssdFactsOf } from './facts.ts';
import { teamsOf } from './queries.ts';

export interface SsdExportRequest {
  /** The first day of the period (default: all the record's history). */
  readonly from?: IsoDate;
  /** The last day: the record is read as it stood at its end. */
  readonly to: IsoDate;
  readonly onProgress?: (stage: string, done: number, total: number) => void;
  /** Who asked, for the audit entry (the command line audits as the council). */
  readonly audit?: AuditSource;
}

export interface SsdExportResult {
  readonly tables: SsdExport;
  /** Every table's file name, row count and CSV text, in the SSD's order. */
  readonly files: {
    readonly name: string;
    readonly table: SsdTable;
    readonly rows: number;
    readonly text: string;
  }[];
  readonly children: number;
}

/**
 * Data to Insight's Standard Safeguarding Dataset for the children involved in the period, from every child's
 * record as it stood on its last day (through the one reader, readRecords), every table written, header only when
 * Hearth holds nothing for it (issue 19, part 3). Nothing is written to the database but the audit entry.
 */
export async function exportSsd(
  db: Database,
  councilId: string,
  request: SsdExportRequest,
): Promise<SsdExportResult> {
  request.onProgress?.('reading the record', 0, 1);
  const [records, factors, workers, teams] = await Promise.all([
    readRecords(db, councilId, 'all', { asAt: request.to }),
    readAssessmentFactors(db, councilId),
    workersAndTeams(db, councilId, request.to),
    teamsOf(db, councilId),
  ]);
  const facts: SsdChildFacts[] = [];
  let done = 0;
  for (const record of records.values()) {
    facts.push(ssdFactsOf(record, factors));
    if (++done % 500 === 0) request.onProgress?.('reading the children', done, records.size);
  }
  request.onProgress?.('building the tables', 0, 1);
  const organisation = {
    workers: workers.map((worker) => ({
      id: worker.id,
      name: worker.name,
      registration: worker.social_work_england_number,
      job: worker.job,
      teamName: worker.team,
      fte: String(worker.fte),
      agency: worker.contract === 'agency',
    })),
    teams,
  };
  const tables = buildSsd(facts, organisation, { from: request.from ?? null, to: request.to });
  const files = ssdFiles(tables);
  const children = tables.ssd_person.length;
  request.onProgress?.('building the tables', 1, 1);
  await appendAuditNow(db, request.audit ?? { councilId, now: new Date() }, {
    action: 'return.exported',
    details: { return: 'ssd', from: request.from ?? null, to: request.to, children },
  });
  return { tables, files, children };
}
