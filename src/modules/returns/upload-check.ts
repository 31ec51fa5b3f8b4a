import { readCin } from '../../domain/returns/cin/read.ts';
import { validateCin } from '../../domain/returns/cin/validate.ts';
import type { Validation } from '../../domain/returns/engine.ts';
import type { Finding } from '../../domain/returns/findings.ts';
import { readProviderList, type ProviderLookup } from '../../domain/returns/ssda903/providers.ts';
import type { PostcodeLookup, PostcodePlace } from '../../domain/returns/ssda903/context.ts';
import { postcodesToLookUp } from '../../domain/returns/ssda903/geography.ts';
import { readSsda903 } from '../../domain/returns/ssda903/read.ts';
import type { Ssda903Return } from '../../domain/returns/ssda903/tables.ts';
import { validateSsda903 } from '../../domain/returns/ssda903/validate.ts';
import { decodeReturnFile, type ReturnFile } from '../../domain/returns/text.ts';
import { ValidationError } from '../../platform/errors.ts';
import { openZip, ZipRefused } from '../../platform/zip.ts';

/**
 * Checking an uploaded return, which runs on a worker thread of its own (`validateUpload` in service.ts starts
 * it): reading and validating a large council's return is seconds of work that must not stall other requests.
 */

export type ReturnKind = 'ssda903' | 'cin';

/** The files of an upload, with any zip opened: an SSDA903 return often comes as a zip of its CSV tables. */
function unpackUpload(files: ReturnFile[], field = 'files'): ReturnFile[] {
  return files.flatMap((file) => {
    if (!file.name.toLowerCase().endsWith('.zip')) return [file];
    try {
      return openZip(file.content as Uint8Array);
    } catch (error) {
      const message =
        error instanceof ZipRefused
          ? `${file.name} cannot be opened here because ${error.message}`
          : `${file.name} is not a zip file that can be opened`;
      throw new ValidationError([{ path: field, message }]);
    }
  });
}

/**
 * Last year's SSDA903 return uploaded beside this year's, for the rules that compare the two. A return that
 * cannot be read is refused on its field: its rules would otherwise be judged on nothing.
 */
function readPreviousReturn(files: ReturnFile[]): Ssda903Return | undefined {
  if (files.length === 0) return undefined;
  const csv = unpackUpload(files, 'previous').filter((file) => /\.csv$/i.test(file.name));
  const reading = readSsda903(csv);
  const fatal = reading.problems.find((problem) => problem.fatal);
  if (csv.length === 0 || fatal || !reading.return.files.has('Episodes'))
    throw new ValidationError([
      {
        path: 'previous',
        message: fatal
          ? `Last year’s return cannot be read: ${fatal.file}: ${fatal.message}`
          : 'Choose last year’s SSDA903 CSV tables, or a zip of them, with its episodes',
      },
    ]);
  return reading.return;
}

/**
 * Ofsted's provider list uploaded beside an SSDA903 return, for the URN rules. A list that cannot be
 * used is refused on its field; each line that could not be read in full becomes a warning.
 */
function readProviders(file: ReturnFile, year: number): { providers: ProviderLookup; warnings: Finding[] } {
  const list = readProviderList(decodeReturnFile(file).text, year);
  if ('problem' in list)
    throw new ValidationError([
      { path: 'providers', message: `The provider list ${file.name} cannot be used: ${list.problem}` },
    ]);
  const warnings = list.problems.map((problem): Finding => ({
    rule: 'READ-PROVIDERS',
    child: '',
    table: 'Providers',
    row: problem.line,
    fields: [],
    message: `${file.name}: ${problem.message}`,
    severity: 'warning',
  }));
  return { providers: list.providers, warnings };
}

/**
 * The places of the postcodes a return names, asked of the thread that can read the database: each postcode with
 * its place (none where the directory has no such postcode), or null when no postcode directory is at hand.
 */
export type AskForPostcodes = (
  postcodes: string[],
) => Promise<Array<[string, PostcodePlace | undefined]> | null>;

async function postcodeLookup(ask: AskForPostcodes, postcodes: Set<string>): Promise<PostcodeLookup | null> {
  const places = await ask([...postcodes]);
  if (!places) return null;
  const byPostcode = new Map(places);
  return (postcode) => byPostcode.get(postcode);
}

/** What checking an upload found, and whether the return could be read at all. */
export interface UploadCheck {
  validation: Validation;
  unreadable: boolean;
}

/** A return uploaded to be checked, and what may come with it. */
export interface ReturnUpload {
  readonly kind: ReturnKind;
  readonly year: number;
  readonly files: ReturnFile[];
  /** The council's own code, for the rules on placements outside it. */
  readonly la?: string;
  /** Ofsted's provider list (SSDA903), for the URN rules. */
  readonly providers?: ReturnFile;
  /** Last year's SSDA903 return, for the rules that compare the two years. */
  readonly previous?: ReturnFile[];
}

/**
 * Validates an uploaded return in memory against the DfE rules of the collection year. Nothing is written:
 * the files live only for this request. The postcode rules run when `askForPostcodes` finds a directory.
 */
export async function checkUpload(
  upload: ReturnUpload,
  askForPostcodes: AskForPostcodes,
): Promise<UploadCheck> {
  const { kind, year } = upload;
  const files = unpackUpload(upload.files);
  if (files.length === 0)
    throw new ValidationError([{ path: 'files', message: 'Choose the return’s file or files' }]);
  if (kind === 'cin') {
    const xml = files.filter((file) => /\.xml$/i.test(file.name));
    if (xml.length !== 1)
      throw new ValidationError([{ path: 'files', message: 'Choose one CIN census XML file' }]);
    const reading = readCin(xml[0]!);
    return {
      validation: validateCin(reading, { year }),
      unreadable: reading.problems.some((problem) => problem.fatal),
    };
  }
  const csv = files.filter((file) => /\.csv$/i.test(file.name));
  if (csv.length === 0)
    throw new ValidationError([
      { path: 'files', message: 'Choose the SSDA903 CSV tables, or a zip of them' },
    ]);
  const list = upload.providers ? readProviders(upload.providers, year) : null;
  const previous = readPreviousReturn(upload.previous ?? []);
  const reading = readSsda903(csv);
  const providers = list?.providers ?? null;
  const validation = validateSsda903(reading, {
    year,
    la: upload.la,
    previous,
    postcodes: await postcodeLookup(
      askForPostcodes,
      postcodesToLookUp([reading.return, previous], providers),
    ),
    providers,
  });
  return {
    validation: { ...validation, findings: [...(list?.warnings ?? []), ...validation.findings] },
    unreadable: reading.problems.some((problem) => problem.fatal),
  };
}
