/** `hearth validate cin FILE`: loaded only when that command runs (see validate-ssda903.ts). */
import { readCin } from '../../domain/returns/cin/read.ts';
import { validateCin } from '../../domain/returns/cin/validate.ts';
import { readOrRefuse, report, withProgress, type ValidateOptions } from './validate-report.ts';

/** Reads the census, validates it and prints the findings. */
export async function validateCinCommand(file: string, options: ValidateOptions): Promise<void> {
  const reading = readCin({ name: file, content: readOrRefuse(file) });
  const validation = await withProgress(reading.return.children.length, (onChild) =>
    validateCin(reading, { year: options.year }, onChild),
  );
  report(
    validation,
    reading.problems.some((problem) => problem.fatal),
    options.json,
  );
}
