import type { IsoDate } from '../dates.ts';
import type { ReadProblem } from '../findings.ts';
import type { Ssda903Return, Ssda903Table } from './tables.ts';

/**
 * What an import of past SSDA903 returns cannot take, besides what the reader reports: a row the record has no
 * place for without the field (issue 19, part 1). Validation of the codes is `hearth validate ssda903`'s work;
 * these are only what would stop a fact being written.
 */
export interface ImportRowProblem {
  readonly file: string;
  readonly row: number;
  readonly field: string;
  readonly reason: string;
}

/** Columns each table's row needs before the import can record it. */
const needed: Partial<Record<Ssda903Table, readonly string[]>> = {
  Episodes: ['DECOM', 'LS', 'PLACE'],
  Reviews: ['REVIEW', 'REVIEW_CODE'],
  Missing: ['MISSING', 'MIS_START'],
  OC3: ['IN_TOUCH'],
  PlacedAdoption: ['DATE_PLACED'],
};

/** Checks of one row's values that the record's own constraints make (migrations 0021, 0064). */
const valueChecks: Partial<Record<Ssda903Table, (row: Record<string, unknown>) => [string, string] | null>> =
  {
    Missing: (row) =>
      row.MISSING === 'M' || row.MISSING === 'A'
        ? null
        : ['MISSING', `"${String(row.MISSING)}" is neither M nor A`],
    OC2: (row) =>
      row.SDQ_SCORE !== null && !/^([0-9]|[1-3][0-9]|40)$/.test(String(row.SDQ_SCORE))
        ? ['SDQ_SCORE', `"${String(row.SDQ_SCORE)}" is not a score from 0 to 40`]
        : null,
    Episodes: (row) =>
      row.DEC !== null && row.DECOM !== null && String(row.DEC) < String(row.DECOM)
        ? ['DEC', 'the episode ends before it begins']
        : null,
  };

/**
 * Every problem of a year's return as the import reports it (file, line, field, reason): the reader's, then
 * blank or unreadable fields the record needs. `folder` prefixes the file names, so years are told apart.
 */
export function importProblems(
  folder: string,
  ssda903: Ssda903Return,
  readProblems: readonly ReadProblem[],
): ImportRowProblem[] {
  const named = (file: string) => (folder ? `${folder}/${file}` : file);
  const problems: ImportRowProblem[] = readProblems.map((problem) => ({
    file: named(problem.file),
    row: problem.row,
    field: problem.field,
    reason: problem.message,
  }));
  for (const child of ssda903.children.values()) {
    for (const [table, file] of ssda903.files) {
      for (const row of child[table] as readonly Record<string, unknown>[]) {
        const line = row.row as number;
        for (const [column, written] of Object.entries(row.unreadable as Record<string, string>))
          problems.push({
            file: named(file),
            row: line,
            field: column,
            reason: `"${written}" is not a date written DD/MM/YYYY`,
          });
        for (const column of needed[table] ?? [])
          if (row[column] === null && !(column in (row.unreadable as object)))
            problems.push({ file: named(file), row: line, field: column, reason: `${column} is blank` });
        const wrong = valueChecks[table]?.(row);
        if (wrong) problems.push({ file: named(file), row: line, field: wrong[0], reason: wrong[1] });
      }
    }
  }
  return problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.row - b.row));
}

/**
 * The collection year and council a folder's name gives (docs/returns/import.md): the year is the first 20YY in
 * the name ("2023", "2023-24", "ssda903_2023_24" are 2023 to 2024), the council a number of three digits standing
 * alone ("855", "855_2023", "ssda903-855-2023-24": Leicestershire's DfE number). Either may be absent.
 */
export function folderConvention(name: string): { year: number | null; la: string | null } {
  const numbers = name.split(/[^0-9]+/).filter(Boolean);
  const year = numbers.find((number) => /^20[0-9]{2}$/.test(number));
  const la = numbers.find((number) => number.length === 3);
  return { year: year ? Number(year) : null, la: la ?? null };
}

/**
 * The collection year a return covers when its folder does not say: the year whose 31 March is the latest date
 * the return holds (or follows it), since a return's dates run to its 31 March. Null for a return with no dates.
 */
export function yearOfReturn(ssda903: Ssda903Return): number | null {
  let latest: IsoDate | null = null;
  for (const child of ssda903.children.values())
    for (const episode of child.Episodes)
      for (const date of [episode.DECOM, episode.DEC])
        if (date !== null && (latest === null || date > latest)) latest = date;
  if (latest === null) return null;
  const year = Number(latest.slice(0, 4));
  return latest.slice(5) >= '04-01' ? year : year - 1;
}
