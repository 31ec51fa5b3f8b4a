import type { Validation } from '../../domain/returns/engine.ts';
import type { Finding } from '../../domain/returns/findings.ts';
import { CommandError } from '../command-error.ts';

// Not imported: see src/cli/validate-bundle.ts.
const { readFileSync } = process.getBuiltinModule('node:fs');

/** The options of `hearth validate ssda903` and `hearth validate cin`, as commander parses them. */
export interface ValidateOptions {
  previous?: string;
  year: number;
  la?: string;
  postcodes?: string;
  streamPostcodes?: boolean;
  providers?: string;
  json?: boolean;
}

/** A file's bytes (a .gz file decompressed); a file that cannot be read stops the command with exit code 2. */
export function readOrRefuse(path: string): Uint8Array {
  try {
    const bytes = readFileSync(path);
    // zlib is loaded only for a compressed file: each of Node's modules loaded costs start-up time.
    return path.endsWith('.gz') ? process.getBuiltinModule('node:zlib').gunzipSync(bytes) : bytes;
  } catch (error) {
    throw new CommandError(`cannot read ${path}: ${(error as Error).message}`, 2);
  }
}

/** One finding as one tab-separated line: rule, child, table, row, fields, message. */
function findingLine(finding: Finding): string {
  const fields = finding.fields.join(',');
  return [finding.rule, finding.child, finding.table, finding.row, fields, finding.message].join('\t');
}

/** Counts of findings and children by rule, then the rules skipped, as lines of text. */
function summaryLines(validation: Validation): string[] {
  const byRule = new Map<string, { findings: number; children: Set<string>; message: string }>();
  for (const finding of validation.findings) {
    let entry = byRule.get(finding.rule);
    if (!entry)
      byRule.set(finding.rule, (entry = { findings: 0, children: new Set(), message: finding.message }));
    entry.findings += 1;
    entry.children.add(finding.child);
  }
  const lines = ['', `Summary: ${validation.findings.length} findings, ${validation.ran.length} rules run.`];
  for (const [rule, entry] of [...byRule].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))) {
    const message = entry.message.replace(/^[^:]*\.csv: /, '');
    lines.push(`  ${rule}\t${entry.findings} findings\t${entry.children.size} children\t${message}`);
  }
  for (const skipped of validation.skipped) lines.push(`  ${skipped.rule}\tskipped: ${skipped.reason}`);
  return lines;
}

/** Runs `validate` with a progress bar of children on stderr when stderr is a terminal. */
export async function withProgress(
  total: number,
  validate: (onChild?: () => void) => Validation,
): Promise<Validation> {
  // Loaded only for a terminal: validation is often scripted, and every module loaded costs start-up time.
  const bar = process.stderr.isTTY
    ? new (await import('cli-progress')).default.SingleBar({
        stream: process.stderr,
        format: 'validating {bar} {value}/{total} children',
      })
    : null;
  bar?.start(total, 0);
  const validation = validate(bar ? () => bar.increment() : undefined);
  bar?.stop();
  return validation;
}

/** Prints the findings (lines and a summary, or JSON) and sets the exit code: 0 clean, 1 errors, 2 unreadable. */
export function report(validation: Validation, unreadable: boolean, json: boolean | undefined): void {
  if (json) {
    const findings = validation.findings.map(({ rule, child, table, row, fields, message }) => ({
      rule,
      child,
      table,
      row,
      fields,
      message,
    }));
    console.log(JSON.stringify(findings, null, 2));
  } else {
    for (const finding of validation.findings) console.log(findingLine(finding));
    for (const line of summaryLines(validation)) console.log(line);
  }
  const errors = validation.findings.some((finding) => finding.severity === 'error');
  process.exitCode = unreadable ? 2 : errors ? 1 : 0;
}
