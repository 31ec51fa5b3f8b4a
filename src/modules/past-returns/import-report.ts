import { csvOf } from '../../domain/workforce/census-return.ts';

/**
 * What an import of past returns could not take and what it changed to make the years one record (issue 19,
 * part 1). Shared by the SSDA903 and CIN census imports, their commands and their pages.
 */

/** A row the import could not take: the file, its row (the header is row 1), the field and why. */
export interface ImportProblem {
  file: string;
  row: number;
  field: string;
  reason: string;
}

/**
 * A change the import made so that overlapping years agree: an episode left open in one year closed by the next,
 * a duplicate kept once, an overlap trimmed. Kept beside the fact it changed (`imported_facts.fix`).
 */
export interface ImportFix {
  file: string;
  row: number | null;
  child: string;
  fix: string;
  reason: string;
}

export interface ImportReport {
  kind: 'ssda903' | 'cin';
  files: string[];
  /** Facts written, by what they are ("children", "periods of care", …). Zero when nothing was imported. */
  counts: Record<string, number>;
  problems: ImportProblem[];
  fixes: ImportFix[];
  /** False when a file had problems and `--skip-bad-rows` was not given: nothing was written. */
  applied: boolean;
}

/** The problems as CSV, for the council's data team to correct at source. */
export function importProblemsCsv(problems: readonly ImportProblem[]): string {
  return csvOf(
    ['file', 'row', 'field', 'reason'],
    problems.map((problem) => ({ ...problem, row: String(problem.row) })),
  );
}

/** The fixes as CSV. */
export function importFixesCsv(fixes: readonly ImportFix[]): string {
  return csvOf(
    ['file', 'row', 'child', 'fix', 'reason'],
    fixes.map((fix) => ({ ...fix, row: fix.row === null ? '' : String(fix.row) })),
  );
}
