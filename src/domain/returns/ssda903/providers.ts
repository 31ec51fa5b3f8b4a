import { codeList } from '../../codes/code-lists.ts';
import { councilOf } from '../../geography/councils.ts';
import { CsvSyntaxError, parseCsv } from '../csv.ts';
import { readIsoDate, readUkDate, type IsoDate } from '../dates.ts';

/**
 * One children's social care provider registered with Ofsted, as the SSDA903 rules on the Ofsted
 * URN need it (the DfE's "URN lookup": rules 1008, 219, 221, 224, 227, 228, 229).
 */
export interface OfstedProvider {
  /** Ofsted's unique reference number, in capitals (SC123456, 1234567). */
  readonly urn: string;
  /** The placement types (SSDA903 PLACE codes) the provider offers; empty when not given. */
  readonly placements: ReadonlySet<string>;
  /** The placement provider codes (PR1–PR5) that fit it; empty when not given. */
  readonly providerCodes: ReadonlySet<string>;
  /** The postcode of the setting, without spaces and in capitals; null when not given. */
  readonly postcode: string | null;
  /** GSS code of the council the provider belongs to, when the list gives it. */
  readonly council: string | null;
  /** The day the registration ended (closed or deregistered); null while registered. */
  readonly closed: IsoDate | null;
}

/** The providers of a list by URN. */
export type ProviderLookup = ReadonlyMap<string, OfstedProvider>;

/** A problem with one line of a provider list: that value (or the whole line) was not read. */
export interface ProviderProblem {
  readonly line: number;
  readonly message: string;
}

/**
 * The columns Hearth reads, by the names it accepts (compared without case, spaces or punctuation).
 * The first name is the one Hearth documents; the others are those of Ofsted's own workbooks.
 */
export const providerColumns = {
  urn: ['URN', 'Unique reference number'],
  placements: ['Placement codes', 'Placement code'],
  providerCodes: ['Placement provider codes', 'Placement provider code'],
  sector: ['Sector'],
  postcode: ['Setting postcode', 'Setting address postcode', 'Postcode'],
  council: ['Local authority code', 'LA code'],
  closed: ['Closed date', 'Closure date', 'Deregistration date'],
} as const;

/**
 * Placement provider codes that fit Ofsted's sector of a provider: a council's provider is PR1 for
 * the council itself and PR2 for any other.
 */
const providerCodesOfSector: Readonly<Record<string, readonly string[]>> = {
  'local authority': ['PR1', 'PR2'],
  'health authority': ['PR3'],
  private: ['PR4'],
  voluntary: ['PR5'],
};

const squeezed = (name: string) => name.toLowerCase().replaceAll(/[^a-z0-9]/g, '');
const codesIn = (text: string) =>
  text
    .toUpperCase()
    .split(/[\s,/;]+/)
    .filter(Boolean);

/**
 * Reads a provider list (CSV with a first line of column names: see docs/returns/providers.md).
 * Only URN is required. A value that cannot be read is left out and reported with its line; a line
 * without a URN, or repeating one, is not read. Returns a problem instead when the text is not CSV
 * or has no URN column.
 */
export function readProviderList(
  text: string,
  year: number,
): { providers: ProviderLookup; problems: ProviderProblem[] } | { problem: string } {
  let records;
  try {
    records = parseCsv(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { problem: error instanceof CsvSyntaxError ? error.message : 'it is not readable as CSV' };
  }
  const names = (records[0]?.cells ?? []).map(squeezed);
  const position = Object.fromEntries(
    Object.entries(providerColumns).map(([key, accepted]) => [
      key,
      names.findIndex((name) => accepted.some((candidate) => squeezed(candidate) === name)),
    ]),
  ) as Record<keyof typeof providerColumns, number>;
  if (position.urn < 0) return { problem: 'it has no URN column (the first line must name the columns)' };

  const places = codeList('SSDA903', 'PLACE', year);
  const providerCodes = codeList('SSDA903', 'PLACE_PROVIDER', year);
  const providers = new Map<string, OfstedProvider>();
  const lines = new Map<string, number>();
  const problems: ProviderProblem[] = [];
  for (const { line, cells } of records.slice(1)) {
    const cell = (key: keyof typeof providerColumns) =>
      position[key] < 0 ? '' : (cells[position[key]] ?? '');
    const problem = (message: string) => problems.push({ line, message });
    const urn = cell('urn').toUpperCase();
    if (urn === '') {
      problem('no URN: the line was not read');
      continue;
    }
    const earlier = lines.get(urn);
    if (earlier !== undefined) {
      problem(`URN ${urn} is on line ${earlier} already: this line was not read`);
      continue;
    }
    const known = (column: string, codes: string[], list: { has(code: string): boolean }) => {
      const unknown = codes.filter((code) => !list.has(code));
      if (unknown.length > 0) problem(`${column} ${unknown.join(', ')} not an SSDA903 code: left out`);
      return new Set(codes.filter((code) => list.has(code)));
    };
    const placements = known('placement code(s)', codesIn(cell('placements')), places);
    let codes = codesIn(cell('providerCodes'));
    const sector = cell('sector');
    if (codes.length === 0 && sector !== '') {
      codes = [...(providerCodesOfSector[sector.toLowerCase()] ?? [])];
      if (codes.length === 0) problem(`sector "${sector}" is not one Hearth knows: left out`);
    }
    const councilCode = cell('council');
    const council = councilCode === '' ? null : (councilOf(councilCode)?.gss ?? null);
    if (councilCode !== '' && council === null)
      problem(`local authority code ${councilCode} is not a council's GSS code or DfE number: left out`);
    const closedText = cell('closed');
    const closed = closedText === '' ? null : (readUkDate(closedText) ?? readIsoDate(closedText));
    if (closedText !== '' && closed === null)
      problem(`closed date "${closedText}" is not a date (DD/MM/YYYY or YYYY-MM-DD): left out`);
    const postcode = cell('postcode').replaceAll(/\s+/g, '').toUpperCase();
    lines.set(urn, line);
    providers.set(urn, {
      urn,
      placements,
      providerCodes: known('placement provider code(s)', codes, providerCodes),
      postcode: postcode === '' ? null : postcode,
      council,
      closed,
    });
  }
  return { providers, problems };
}
