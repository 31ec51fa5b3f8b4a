/**
 * `hearth validate ssda903 DIR`: loaded only when that command runs, so that `hearth validate cin`
 * does not load the SSDA903 rules, nor this command the CIN census's.
 */
import type { PostcodeLookup } from '../../domain/returns/ssda903/context.ts';
import { postcodesToLookUp } from '../../domain/returns/ssda903/geography.ts';
import { readProviderList, type ProviderLookup } from '../../domain/returns/ssda903/providers.ts';
import { readSsda903, type Ssda903Reading } from '../../domain/returns/ssda903/read.ts';
import { validateSsda903 } from '../../domain/returns/ssda903/validate.ts';
import type { ReturnFile } from '../../domain/returns/text.ts';
import { PostcodeDirectoryError, streamedPostcodeLookup } from '../../modules/postcodes/directory-file.ts';
import { indexedPostcodeLookup } from '../../modules/postcodes/indexed-lookup.ts';
import { CommandError } from '../command-error.ts';
import { readOrRefuse, report, withProgress, type ValidateOptions } from './validate-report.ts';

// Not imported: see src/cli/validate-bundle.ts.
const { readdirSync, statSync } = process.getBuiltinModule('node:fs');
const { join } = process.getBuiltinModule('node:path');

/** The CSV files of an SSDA903 folder (a single CSV file is taken as a folder of one). */
export function ssda903FilesIn(path: string): ReturnFile[] {
  let names: string[];
  try {
    names = statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((name) => name.toLowerCase().endsWith('.csv'))
          .sort()
          .map((name) => join(path, name))
      : [path];
  } catch (error) {
    throw new CommandError(`cannot read ${path}: ${(error as Error).message}`, 2);
  }
  if (names.length === 0) throw new CommandError(`${path} holds no CSV files.`, 2);
  return names.map((name) => ({ name, content: readOrRefuse(name) }));
}

/**
 * The places of the `wanted` postcodes in the directory given with --postcodes, or null without --postcodes: read
 * from the directory's cached index, built on first use (docs/decisions/0016-postcode-index.md), or, with
 * --stream-postcodes, by streaming the whole directory (as the benchmark compares).
 */
async function postcodeLookup(
  path: string | undefined,
  streamed: boolean,
  wanted: () => Set<string>,
): Promise<PostcodeLookup | null> {
  if (!path) return null;
  try {
    if (streamed) return await streamedPostcodeLookup(path, wanted());
    const notice = (message: string) => console.error(`hearth: ${message}`);
    return (await indexedPostcodeLookup(path, wanted(), { onNotice: notice })).lookup;
  } catch (error) {
    if (error instanceof PostcodeDirectoryError) throw new CommandError(error.message, 2);
    throw error;
  }
}

/**
 * Ofsted's provider list given with --providers. A file Hearth cannot use stops the command; a value
 * it cannot read is left out and reported on stderr with its line.
 */
function providerLookup(path: string | undefined, year: number): ProviderLookup | null {
  if (!path) return null;
  const read = readProviderList(new TextDecoder().decode(readOrRefuse(path)), year);
  if ('problem' in read) throw new CommandError(`${path}: ${read.problem}`, 2);
  for (const problem of read.problems)
    console.error(`hearth: ${path} line ${problem.line}: ${problem.message}`);
  return read.providers;
}

async function validateWithProgress(
  reading: Ssda903Reading,
  options: ValidateOptions,
  previous: Ssda903Reading | null,
) {
  const providers = providerLookup(options.providers, options.year);
  const postcodes = await postcodeLookup(options.postcodes, options.streamPostcodes === true, () =>
    postcodesToLookUp([reading.return, previous?.return], providers),
  );
  return withProgress(reading.return.children.size, (onChild) =>
    validateSsda903(
      reading,
      { year: options.year, la: options.la, previous: previous?.return, postcodes, providers },
      onChild,
    ),
  );
}

/** Reads the return (and last year's), validates it and prints the findings. */
export async function validateSsda903Command(dir: string, options: ValidateOptions): Promise<void> {
  const reading = readSsda903(ssda903FilesIn(dir));
  const previous = options.previous ? readSsda903(ssda903FilesIn(options.previous)) : null;
  const validation = await validateWithProgress(reading, options, previous);
  const unreadable = [...reading.problems, ...(previous?.problems ?? [])].some((problem) => problem.fatal);
  report(validation, unreadable, options.json);
}
