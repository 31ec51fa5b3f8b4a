/**
 * What validating a return reports. A finding names the rule, the child, the table (or XML element)
 * and row, and the fields concerned, so that the person fixing the return can go straight to it.
 */
export interface Finding {
  /** The DfE rule code, or one of Hearth's own codes for problems reading the file (see readingRules). */
  readonly rule: string;
  /** The council's child id (SSDA903 CHILD, CIN LAchildID); empty when the row has none. */
  readonly child: string;
  /** SSDA903 table (Header, Episodes, ...) or CIN census module (CINdetails, Assessments, ...). */
  readonly table: string;
  /** SSDA903: the line of the CSV file (the column names are line 1). CIN: the Child's position, from 1. */
  readonly row: number;
  readonly fields: readonly string[];
  readonly message: string;
  /** Errors must be fixed; DfE queries must be checked; warnings (such as an encoding read anyway) inform. */
  readonly severity: 'error' | 'query' | 'warning';
}

/** A problem reading a file, before any rule runs. `fatal` problems make the return unreadable. */
export interface ReadProblem {
  readonly code: ReadProblemCode;
  readonly file: string;
  /** Line of a CSV file, or line of the XML where the parser stopped; 0 when it concerns the whole file. */
  readonly row: number;
  /** The table the file was read as, when known. */
  readonly table?: string;
  readonly field: string;
  readonly child: string;
  readonly message: string;
  readonly fatal: boolean;
}

/** Hearth's own codes for reading problems; they never clash with a DfE rule code. */
export type ReadProblemCode =
  | 'READ-ENCODING'
  | 'READ-UNRECOGNISED'
  | 'READ-COLUMNS'
  | 'READ-DUPLICATE-TABLE'
  | 'READ-CSV'
  | 'READ-NO-CHILD'
  | 'READ-DATE'
  | 'READ-XML'
  | 'READ-MISSING-TABLE';

/** A reading problem as a finding, so the command can list both the same way. */
export function findingOfProblem(problem: ReadProblem): Finding {
  return {
    rule: problem.code,
    child: problem.child,
    table: problem.table ?? problem.file,
    row: problem.row,
    fields: problem.field ? [problem.field] : [],
    message: `${problem.file}: ${problem.message}`,
    severity: problem.fatal || problem.code !== 'READ-ENCODING' ? 'error' : 'warning',
  };
}
