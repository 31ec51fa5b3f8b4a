import type ExcelJS from 'exceljs';

/**
 * A new XLSX workbook. exceljs takes about half a second of CPU to load, and only the few pages and commands that
 * make or read a workbook need it, so it is loaded on first use, not with every start of Hearth.
 */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: excel } = await import('exceljs');
  return new excel.Workbook();
}
