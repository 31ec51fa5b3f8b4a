import { newWorkbook } from '../../platform/workbooks.ts';
import type { Database } from '../../db/database.ts';
import {
  annexALists,
  annexANotes,
  annexASheetName,
  annexAWindow,
  type AnnexAList,
  type AnnexAListNumber,
  type AnnexARow,
} from '../../domain/returns/annex-a/lists.ts';
import { writeUkDate, type IsoDate } from '../../domain/returns/dates.ts';
import { appendAuditNow, type AuditSource } from '../../platform/audit.ts';
import { readRecords, type ChildRecord } from '../record/service.ts';
import { adoptionRows, lookedAfterRows } from './annex-a-care-rows.ts';
import {
  assessmentRows,
  careLeaverRows,
  childInNeedRows,
  contactRows,
  protectionRows,
  referralRows,
  section47Rows,
  type AnnexAWindow,
} from './annex-a-rows.ts';
import { workersAndTeams } from './ssda903-export-queries.ts';

/** How each list the record can fill is made from one child's record; lists 2 and 11 it cannot yet fill. */
const rowsOf: Partial<Record<AnnexAListNumber, (record: ChildRecord, window: AnnexAWindow) => AnnexARow[]>> =
  {
    1: contactRows,
    3: referralRows,
    4: assessmentRows,
    5: section47Rows,
    6: childInNeedRows,
    7: protectionRows,
    8: lookedAfterRows,
    9: careLeaverRows,
    10: adoptionRows,
  };

export interface AnnexAExportRequest {
  readonly from?: IsoDate;
  readonly to: IsoDate;
  readonly onProgress?: (stage: string, done: number, total: number) => void;
  /** Who asked, for the audit entry: a person on the page (the command line audits as the council). */
  readonly audit?: AuditSource;
}

export interface AnnexAExportResult {
  readonly lists: readonly {
    readonly list: AnnexAList;
    readonly from: IsoDate;
    readonly rows: AnnexARow[];
  }[];
  readonly workbook: Buffer;
  readonly children: number;
}

/** The workbook's file name: the return and its last day, never a child. */
export const annexAFileName = (to: IsoDate) => `annex-a-${to}.xlsx`;

/**
 * Ofsted's Annex A lists 1 to 11 as one workbook, from every child's record as it stood on the last day of the
 * window (through the one reader), one sheet a list with Ofsted's columns in Ofsted's order (issue 18, part 3).
 * A list the record cannot yet fill has its headers and a note. Nothing is written but the audit entry.
 */
export async function exportAnnexA(
  db: Database,
  councilId: string,
  request: AnnexAExportRequest,
): Promise<AnnexAExportResult> {
  request.onProgress?.('reading the record', 0, 1);
  const [records, workers] = await Promise.all([
    readRecords(db, councilId, 'all', { asAt: request.to }),
    workersAndTeams(db, councilId, request.to),
  ]);
  const names = new Map(workers.map((worker) => [worker.id, { name: worker.name, team: worker.team ?? '' }]));
  const children = new Set<string>();
  const lists = annexALists.map((list) => {
    const { from, to } = annexAWindow(list, request.to, request.from);
    const make = rowsOf[list.number];
    const rows: AnnexARow[] = [];
    if (make) {
      for (const record of records.values()) {
        const made = make(record, { from, to, workers: names });
        if (made.length > 0) children.add(record.child.id);
        rows.push(...made);
      }
    }
    request.onProgress?.('building the lists', list.number, annexALists.length);
    return { list, from, rows };
  });
  const workbook = await annexAWorkbook(lists, request.to);
  await appendAuditNow(db, request.audit ?? { councilId, now: new Date() }, {
    action: 'return.exported',
    details: { return: 'annex-a', from: request.from ?? null, to: request.to, children: children.size },
  });
  return { lists, workbook, children: children.size };
}

/** The workbook: a sheet a list, a line naming the list and its window (and any note), then the headers. */
async function annexAWorkbook(lists: AnnexAExportResult['lists'], to: IsoDate): Promise<Buffer> {
  const workbook = await newWorkbook();
  workbook.creator = 'Hearth';
  for (const { list, from, rows } of lists) {
    const sheet = workbook.addWorksheet(annexASheetName(list));
    const note = annexANotes[list.number];
    sheet.addRow([
      `List ${list.number}: ${list.name}, ${writeUkDate(from)} to ${writeUkDate(to)}${note ? `. ${note}` : ''}`,
    ]).font = { bold: true };
    const header = sheet.addRow([...list.columns]);
    header.font = { bold: true };
    for (const row of rows) sheet.addRow(list.columns.map((column) => row[column] ?? ''));
    sheet.columns.forEach((column) => (column.width = 22));
    sheet.views = [{ state: 'frozen', ySplit: 2 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
