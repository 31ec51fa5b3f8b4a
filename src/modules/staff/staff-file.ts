import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { newWorkbook } from '../../platform/workbooks.ts';
import { csvOf, fromSpreadsheetSafe } from '../../domain/workforce/census-return.ts';
import { STAFF_COLUMNS } from '../../domain/workforce/staff-rows.ts';

/** A staff list's cells, as text, the header first: from CSV or from the first sheet of an XLSX workbook. */
export async function staffTableOf(file: Buffer, name: string): Promise<string[][]> {
  if (name.toLowerCase().endsWith('.xlsx')) {
    const workbook = await newWorkbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) return [];
    const table: string[][] = [];
    const width = sheet.columnCount;
    sheet.eachRow({ includeEmpty: true }, (row, number) => {
      table[number - 1] = Array.from({ length: width }, (_, index) => cellText(row.getCell(index + 1).value));
    });
    return Array.from(table, (row) => row ?? []);
  }
  const rows: string[][] = parse(file.toString('utf8').replace(/^\uFEFF/, ''), {
    relax_column_count: true,
    skip_empty_lines: false,
  });
  // A staff list Hearth exported kept a spreadsheet from running a name such as =HYPERLINK(…) as a formula.
  return rows.map((row) => row.map(fromSpreadsheetSafe));
}

/** A cell as text: dates as YYYY-MM-DD (spreadsheets hold them as dates), numbers as written. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '');
  return String(value);
}

export type StaffListRow = Record<(typeof STAFF_COLUMNS)[number], string>;

/** The staff list as CSV, in the columns an import reads back. */
export function staffCsv(rows: readonly StaffListRow[]): string {
  return csvOf(STAFF_COLUMNS, rows);
}

/** The staff list as an XLSX workbook of one sheet, in the same columns. */
export async function staffWorkbook(rows: readonly StaffListRow[]): Promise<Buffer> {
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet('Staff');
  sheet.addRow([...STAFF_COLUMNS]);
  for (const row of rows) sheet.addRow(STAFF_COLUMNS.map((column) => row[column]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
