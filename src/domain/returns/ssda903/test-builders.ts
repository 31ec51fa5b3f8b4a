/**
 * Builders of small SSDA903 returns for tests, written as the CSV files a council would send, so
 * every rule test goes through the reader too. Dates are written out, DD/MM/YYYY as in the files.
 */
import type { ReturnFile } from '../text.ts';
import type { Ssda903Options } from './context.ts';
import { readSsda903 } from './read.ts';
import { ssda903Columns, ssda903OptionalColumns, type Ssda903Table } from './tables.ts';
import { validateSsda903 } from './validate.ts';

export type TableRows = Partial<Record<Ssda903Table, Record<string, string>[]>>;

/** A girl born 1 June 2010 with a valid UPN, not a mother. */
export function aChild(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    CHILD: '1',
    SEX: 'F',
    DOB: '01/06/2010',
    ETHNIC: 'WBRI',
    UPN: 'A123456789012',
    MOTHER: '0',
    MC_DOB: '',
    ...overrides,
  };
}

/** An episode starting 1 May 2025, the start of care on a full care order with long-term foster carers, still open. */
export function anEpisode(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    CHILD: '1',
    DECOM: '01/05/2025',
    RNE: 'S',
    LS: 'C2',
    CIN: 'N1',
    PLACE: 'U4',
    PLACE_PROVIDER: 'PR1',
    DEC: '',
    REC: '',
    REASON_PLACE_CHANGE: '',
    HOME_POST: '',
    PL_POST: '',
    URN: '',
    ...overrides,
  };
}

function quoted(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The CSV files of a return holding these rows (Header and Episodes are always written). */
export function ssda903Files(tables: TableRows): ReturnFile[] {
  const withDefaults: TableRows = { Header: [], Episodes: [], ...tables };
  return Object.entries(withDefaults).map(([table, rows]) => {
    // An optional column (PL_LA, ...) is written when some row has it.
    const optional = (ssda903OptionalColumns[table as Ssda903Table] ?? []).filter((column) =>
      rows.some((row) => column in row),
    );
    const columns: readonly string[] = [...ssda903Columns[table as Ssda903Table], ...optional];
    const lines = [
      columns.join(','),
      ...rows.map((row) => columns.map((column) => quoted(row[column] ?? '')).join(',')),
    ];
    return { name: `${table.toLowerCase()}.csv`, content: `${lines.join('\r\n')}\r\n` };
  });
}

/** Where `rule` fires on a return of these rows, as "Table:line" strings. */
export function flagsOf(
  rule: string,
  tables: TableRows,
  options: Partial<Ssda903Options> & { previousTables?: TableRows } = {},
): string[] {
  const previous = options.previousTables ? readSsda903(ssda903Files(options.previousTables)).return : null;
  const validation = validateSsda903(readSsda903(ssda903Files(tables)), { year: 2025, previous, ...options });
  return validation.findings
    .filter((finding) => finding.rule === rule)
    .map((finding) => `${finding.table}:${finding.row}`);
}
