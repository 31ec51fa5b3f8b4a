import { codeList, type CodeList } from '../../codes/code-lists.ts';
import { councilOf, type Council } from '../../geography/councils.ts';
import type { IsoDate } from '../dates.ts';
import type { Rule, RowRule, RuleFlag, RuleInputs, RuleNeed } from '../engine.ts';
import { placementGeography, placementLa, type PlacementGeography } from './geography.ts';
import type { OfstedProvider, ProviderLookup } from './providers.ts';
import type { Ssda903Child, Ssda903Column, Ssda903Return, Ssda903Row, Ssda903Table } from './tables.ts';

/** A placement or home postcode as the ONS Postcode Directory places it. */
export interface PostcodePlace {
  /** GSS code of the local authority district or unitary authority. */
  readonly la: string;
  readonly easting: number;
  readonly northing: number;
}

/** Looks a postcode up (any spacing or case); undefined when the directory does not hold it. */
export type PostcodeLookup = (postcode: string) => PostcodePlace | undefined;

/** What every SSDA903 rule may read besides the child's own records. */
export interface Ssda903Context extends RuleInputs {
  /** 1 April of the collection year. */
  readonly collectionStart: IsoDate;
  /** 31 March that ends the collection year. */
  readonly collectionEnd: IsoDate;
  readonly la: string | null;
  /** The council making the return, when `la` names one (then the rules needing 'la' run). */
  readonly council: Council | null;
  readonly previous: Ssda903Return | null;
  readonly postcodes: PostcodeLookup | null;
  /** Ofsted's providers by URN, for the URN rules. */
  readonly providers: ProviderLookup | null;
  /**
   * PL_LA, PL_LOCATION and PL_DISTANCE of each of a child's episodes (this year's or last year's),
   * in the order of `child.Episodes`, worked out once per child. Only for rules that need 'postcodes'.
   */
  placements(child: Ssda903Child): readonly PlacementGeography[];
  /**
   * The council a provider belongs to: as its list says, or else from its postcode (WAL, SCO, NIR or
   * NUK for a setting outside England); null when neither tells. Needs 'postcodes'.
   */
  providerCouncil(provider: OfstedProvider): string | null;
  /** The tables supplied: a rule about a table that was not supplied does not fire. */
  readonly supplied: ReadonlySet<Ssda903Table>;
  /** How many children of this return carry each UPN (for rule 444). */
  readonly upnCounts: ReadonlyMap<string, number>;
  codes(field: string): CodeList;
}

export type Ssda903Rule = Rule<Ssda903Child, Ssda903Context>;

/**
 * A row test as the engine calls it. The engine hands a row rule only rows of the table it flags
 * (`flagsRowsOf`), so a test of that table's rows stands for a test of any row.
 */
export function engineRowTest<T extends Ssda903Table>(
  broken: RowTest<T>,
): RowRule<Ssda903Child, Ssda903Context>['rowBroken'] {
  return broken as unknown as RowRule<Ssda903Child, Ssda903Context>['rowBroken'];
}

export interface Ssda903Options {
  readonly year: number;
  readonly la?: string | null;
  readonly previous?: Ssda903Return | null;
  readonly postcodes?: PostcodeLookup | null;
  readonly providers?: ProviderLookup | null;
}

/** Builds the context of a validation once, before the pass over the children. */
export function ssda903Context(ssda903: Ssda903Return, options: Ssda903Options): Ssda903Context {
  const upnCounts = new Map<string, number>();
  for (const child of ssda903.children.values()) {
    for (const header of child.Header) {
      if (header.UPN) upnCounts.set(header.UPN, (upnCounts.get(header.UPN) ?? 0) + 1);
    }
  }
  const council = options.la ? (councilOf(options.la) ?? null) : null;
  const postcodes = options.postcodes ?? null;
  const has = new Set<RuleNeed>();
  if (options.previous) has.add('previous');
  if (postcodes) has.add('postcodes');
  if (council) has.add('la');
  if (options.providers) has.add('providers');
  const placements = new WeakMap<Ssda903Child, readonly PlacementGeography[]>();
  const providerCouncils = new Map<string, string | null>();
  // Rules ask for a code list once per row they check: each list is looked up once per validation.
  const codeLists = new Map<string, CodeList>();
  return {
    year: options.year,
    has,
    collectionStart: `${options.year}-04-01`,
    collectionEnd: `${options.year + 1}-03-31`,
    la: options.la ?? null,
    council,
    previous: options.previous ?? null,
    postcodes,
    providers: options.providers ?? null,
    placements: (child) => {
      let found = placements.get(child);
      if (!found) {
        found = child.Episodes.map((episode) => placementGeography(episode, postcodes!, council));
        placements.set(child, found);
      }
      return found;
    },
    providerCouncil: (provider) => {
      if (provider.council !== null || provider.postcode === null) return provider.council;
      let found = providerCouncils.get(provider.urn);
      if (found === undefined) {
        // A setting outside England is no English council's: its country stands for the council.
        const place = postcodes!(provider.postcode);
        found = place ? placementLa(place) : null;
        providerCouncils.set(provider.urn, found);
      }
      return found;
    },
    supplied: new Set(ssda903.files.keys()),
    upnCounts,
    codes: (field) => {
      let list = codeLists.get(field);
      if (!list) codeLists.set(field, (list = codeList('SSDA903', field, options.year)));
      return list;
    },
  };
}

/** Flags each row for which `broken` is true. */
export function flagRows<T extends Ssda903Table>(
  rows: readonly Ssda903Row<T>[],
  broken: (row: Ssda903Row<T>, index: number) => boolean,
  fields?: readonly string[],
): readonly RuleFlag[] {
  // Most rules flag nothing for most children: no array is made until there is something to flag.
  let flags: RuleFlag[] | undefined;
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    if (broken(row, index))
      (flags ??= []).push(
        fields ? { table: row.table, row: row.row, fields } : { table: row.table, row: row.row },
      );
  }
  return flags ?? noFlags;
}

/** A test of one row of a row rule (see RowRule in engine.ts), made once when the rule is declared. */
export type RowTest<T extends Ssda903Table> = (
  row: Ssda903Row<T>,
  child: Ssda903Child,
  context: Ssda903Context,
  index: number,
) => boolean;

/** No flags: one frozen array shared by every rule that flags nothing. */
export const noFlags: readonly RuleFlag[] = Object.freeze([]);

/** True when a row holds a value in `field` that is not in the year's code list for it. */
export function notInCodeList(context: Ssda903Context, field: string, value: string | null): boolean {
  return value !== null && !context.codes(field).has(value);
}

/**
 * A rule that a coded field must hold a code of the year's list: blank is allowed unless `required`.
 * (DfE validation rules, the "... is not a valid code" family.)
 */
export function codeRule<T extends Ssda903Table>(
  code: string,
  message: string,
  table: T,
  field: Ssda903Column<T>,
  options: { required?: boolean; years?: { from: number; to?: number }; list?: string } = {},
): Ssda903Rule {
  const listName = options.list ?? field;
  const broken: RowTest<T> = (row, _child, context) => {
    const value = (row as Record<string, unknown>)[field] as string | null;
    return value === null ? options.required === true : !context.codes(listName).has(value);
  };
  return {
    code,
    message,
    tables: [table],
    fields: [field],
    years: options.years ?? { from: 2025 },
    flagsRowsOf: table,
    rowBroken: engineRowTest(broken),
  };
}

/** A rule that a date column must hold a real date written DD/MM/YYYY (blank allowed unless `required`). */
export function dateRule<T extends Ssda903Table>(
  code: string,
  message: string,
  table: T,
  field: Ssda903Column<T>,
  options: { required?: boolean } = {},
): Ssda903Rule {
  const broken: RowTest<T> = (row) =>
    row.unreadable[field] !== undefined ||
    (options.required === true && (row as Record<string, unknown>)[field] === null);
  return {
    code,
    message,
    tables: [table],
    fields: [field],
    years: { from: 2025 },
    flagsRowsOf: table,
    rowBroken: engineRowTest(broken),
  };
}
