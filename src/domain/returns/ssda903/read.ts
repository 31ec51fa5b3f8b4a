import { CsvReader, CsvSyntaxError } from '../csv.ts';
import { readUkDate } from '../dates.ts';
import type { ReadProblem } from '../findings.ts';
import { decodeReturnFile, type ReturnFile } from '../text.ts';
import {
  emptySsda903Child,
  noRows,
  ssda903Columns,
  ssda903DateColumns,
  ssda903OptionalColumns,
  ssda903Tables,
  type Ssda903Child,
  type Ssda903Return,
  type Ssda903Table,
} from './tables.ts';

/** The rows whose dates all read (nearly all of them) share one empty, frozen record of unreadable dates. */
const noneUnreadable: Readonly<Record<string, string>> = Object.freeze({});

/** The return as read, and every problem met while reading it. */
export interface Ssda903Reading {
  readonly return: Ssda903Return;
  readonly problems: readonly ReadProblem[];
}

/**
 * The table whose columns best match a file's column names, and the columns it lacks. Column names
 * are compared without case or surrounding spaces. Null when no table shares CHILD plus one column.
 */
export function recogniseSsda903Table(
  columnNames: readonly string[],
): { table: Ssda903Table; missing: string[] } | null {
  const present = new Set(columnNames.map((name) => name.trim().toUpperCase()));
  let best: { table: Ssda903Table; missing: string[]; score: number } | null = null;
  for (const table of ssda903Tables) {
    const columns: readonly string[] = ssda903Columns[table];
    const matched = columns.filter((column) => present.has(column)).length;
    const missing = columns.filter((column) => !present.has(column));
    // A file matching every column of a table beats one matching more columns of a bigger table only partly.
    const score = matched - missing.length * 0.5;
    if (!present.has('CHILD') || matched < 2) continue;
    if (!best || score > best.score) best = { table, missing, score };
  }
  return best && { table: best.table, missing: best.missing };
}

/**
 * Adds the rows of one table's file to their children. A child's rows are nearly always together in a file,
 * and become one array of just their number: a return is kept whole while it is checked, and arrays grown row
 * by row held 2 MB of empty slots on 3,000 children.
 */
function addRows(
  children: Map<string, Record<string, readonly unknown[]>>,
  table: Ssda903Table,
  fileRows: readonly Record<string, unknown>[],
): void {
  for (let start = 0; start < fileRows.length;) {
    const childId = fileRows[start]!.CHILD as string;
    let end = start + 1;
    while (end < fileRows.length && fileRows[end]!.CHILD === childId) end += 1;
    let child = children.get(childId);
    if (!child)
      children.set(
        childId,
        (child = emptySsda903Child(childId) as unknown as Record<string, readonly unknown[]>),
      );
    const rows = child[table]!;
    child[table] = rows === noRows ? fileRows.slice(start, end) : [...rows, ...fileRows.slice(start, end)];
    start = end;
  }
}

/**
 * Reads the CSV files of an SSDA903 return (DfE technical specification 2025 to 2026) into one
 * structure per child. Never throws on a bad file: each problem names the file, the line and the field.
 */
export function readSsda903(files: readonly ReturnFile[]): Ssda903Reading {
  const problems: ReadProblem[] = [];
  const tableFiles = new Map<Ssda903Table, string>();
  const children = new Map<string, Record<string, readonly unknown[]>>();
  // The same dates recur (a child's date of birth is on every table): each is read once per return.
  const dates = new Map<string, string | null>();
  const problem = (file: string, row: number, field: string, child: string, message: string) => ({
    file,
    row,
    field,
    child,
    message,
  });

  for (const file of files) {
    const { text, problems: encodingProblems } = decodeReturnFile(file);
    problems.push(...encodingProblems);
    // A file is read whole or not at all: its rows and problems are kept only once the last line has read.
    const fileProblems: ReadProblem[] = [];
    const fileRows: Record<string, unknown>[] = [];
    const reader = new CsvReader(text);
    try {
      const names = reader.next()?.map((name) => name.trim().toUpperCase()) ?? [];
      const recognised = recogniseSsda903Table(names);
      if (!recognised) {
        const message = `its columns (${names.join(', ') || 'none'}) are not those of any SSDA903 table`;
        problems.push({ code: 'READ-UNRECOGNISED', ...problem(file.name, 1, '', '', message), fatal: true });
        continue;
      }
      const { table, missing } = recognised;
      if (missing.length > 0) {
        const message = `read as the ${table} table, but it lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`;
        problems.push({
          code: 'READ-COLUMNS',
          ...problem(file.name, 1, missing.join(', '), '', message),
          fatal: true,
        });
        continue;
      }
      const earlier = tableFiles.get(table);
      if (earlier) {
        const message = `holds the ${table} table, which ${earlier} holds already; it was not read`;
        problems.push({
          code: 'READ-DUPLICATE-TABLE',
          ...problem(file.name, 1, '', '', message),
          fatal: true,
        });
        continue;
      }
      const columns: readonly string[] = ssda903Columns[table];
      // Where each column is in the file, and whether it holds dates: looked up once per file, not per cell.
      const positions = columns.map((column) => names.indexOf(column));
      const isDate = columns.map((column) => `${table}.${column}` in ssda903DateColumns);
      const optional = (ssda903OptionalColumns[table] ?? []).filter((column) => names.includes(column));
      const optionalPositions = optional.map((column) => names.indexOf(column));

      // Every row of the file starts as a copy of one template holding all its columns: copying gives each
      // row the same shape at once, where adding the columns one by one made V8 look up a new shape per cell.
      const template: Record<string, unknown> = { table, row: 0 };
      for (const column of [...columns, ...optional]) template[column] = null;
      template.unreadable = noneUnreadable;

      for (let cells = reader.next(); cells !== null; cells = reader.next()) {
        const lines = reader.line;
        const row: Record<string, unknown> = { ...template };
        row.row = lines;
        let unreadable: Record<string, string> | undefined;
        for (let index = 0; index < columns.length; index++) {
          const raw = cells[positions[index]!] ?? '';
          let value: string | null = raw === '' ? null : raw;
          if (value !== null && isDate[index]) {
            let date = dates.get(value);
            if (date === undefined) dates.set(value, (date = readUkDate(value)));
            if (date === null) (unreadable ??= {})[columns[index]!] = value;
            value = date;
          }
          row[columns[index]!] = value;
        }
        for (let index = 0; index < optional.length; index++)
          row[optional[index]!] = cells[optionalPositions[index]!] || null;
        if (unreadable) row.unreadable = unreadable;
        const childId = (row.CHILD as string | null) ?? '';
        if (cells.length !== names.length) {
          const message = `line ${lines} has ${cells.length} values for ${names.length} columns`;
          fileProblems.push({
            code: 'READ-CSV',
            ...problem(file.name, lines, '', childId, message),
            fatal: false,
          });
        }
        if (childId === '') {
          const message = `line ${lines} has no CHILD; the row was not read`;
          fileProblems.push({
            code: 'READ-NO-CHILD',
            ...problem(file.name, lines, 'CHILD', '', message),
            fatal: false,
          });
          continue;
        }
        for (const [column, written] of unreadable ? Object.entries(unreadable) : []) {
          if (ssda903DateColumns[`${table}.${column}`] === null) {
            const message = `${column} "${written}" on line ${lines} is not a date written DD/MM/YYYY`;
            fileProblems.push({
              code: 'READ-DATE',
              table,
              ...problem(file.name, lines, column, childId, message),
              fatal: false,
            });
          }
        }
        fileRows.push(row);
      }
      tableFiles.set(table, file.name);
      problems.push(...fileProblems);
      addRows(children, table, fileRows);
    } catch (error) {
      if (!(error instanceof CsvSyntaxError)) throw error;
      problems.push({
        code: 'READ-CSV',
        ...problem(file.name, error.line, '', '', `not readable as CSV: ${error.message}`),
        fatal: true,
      });
    }
  }

  for (const child of children.values()) {
    // Episodes in order of start; a missing DECOM sorts last (it is reported by rule 141).
    if (child.Episodes!.length > 1)
      (child.Episodes as { DECOM: string | null }[]).sort((a, b) =>
        (a.DECOM ?? '9999') < (b.DECOM ?? '9999') ? -1 : (a.DECOM ?? '9999') > (b.DECOM ?? '9999') ? 1 : 0,
      );
  }
  return {
    return: { children: children as unknown as Map<string, Ssda903Child>, files: tableFiles },
    problems,
  };
}
