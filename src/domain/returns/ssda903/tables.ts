import type { IsoDate } from '../dates.ts';

/**
 * The SSDA903 tables of the 2025–26 collection and their columns, as the DfE's technical
 * specification names them (children looked after return 2025 to 2026: technical specifications).
 * A file is recognised by its columns, whatever it is called.
 */
export const ssda903Columns = {
  Header: ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'],
  Episodes: [
    'CHILD',
    'DECOM',
    'RNE',
    'LS',
    'CIN',
    'PLACE',
    'PLACE_PROVIDER',
    'DEC',
    'REC',
    'REASON_PLACE_CHANGE',
    'HOME_POST',
    'PL_POST',
    'URN',
  ],
  Reviews: ['CHILD', 'DOB', 'REVIEW', 'REVIEW_CODE'],
  UASC: ['CHILD', 'SEX', 'DOB', 'DUC'],
  OC2: [
    'CHILD',
    'DOB',
    'SDQ_SCORE',
    'SDQ_REASON',
    'CONVICTED',
    'HEALTH_CHECK',
    'IMMUNISATIONS',
    'TEETH_CHECK',
    'HEALTH_ASSESSMENT',
    'SUBSTANCE_MISUSE',
    'INTERVENTION_RECEIVED',
    'INTERVENTION_OFFERED',
  ],
  OC3: ['CHILD', 'DOB', 'IN_TOUCH', 'ACTIV', 'ACCOM'],
  AD1: ['CHILD', 'DOB', 'DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'],
  PlacedAdoption: ['CHILD', 'DOB', 'DATE_PLACED', 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'],
  PrevPerm: ['CHILD', 'DOB', 'PREV_PERM', 'LA_PERM', 'DATE_PERM'],
  Missing: ['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END'],
  SWEpisodes: ['CHILD', 'DOB', 'SW_ID', 'SW_DECOM', 'SW_DEC', 'SW_REASON'],
} as const;

export type Ssda903Table = keyof typeof ssda903Columns;

/**
 * Columns the 2025–26 specification no longer asks for, read when a council's file has them. The
 * DfE works out an episode's placement council (PL_LA), whether it is in the council's area
 * (PL_LOCATION) and its distance from home (PL_DISTANCE) from the postcodes; a council whose system
 * still writes them has them checked as written (see `geography.ts`).
 */
export const ssda903OptionalColumns: Readonly<Partial<Record<Ssda903Table, readonly string[]>>> = {
  Episodes: ['PL_LA', 'PL_LOCATION', 'PL_DISTANCE'],
};
export const ssda903Tables = Object.keys(ssda903Columns) as Ssda903Table[];

/**
 * Columns holding a date (DD/MM/YYYY in the CSV, YYYY-MM-DD once read), with the DfE rule that
 * reports an unreadable value in it. A date column without a rule is reported as READ-DATE.
 * DATE_PERM is not here: the DfE allows it to be partly unknown (e.g. zz/zz/2019).
 */
export const ssda903DateColumns: Readonly<Record<string, string | null>> = {
  'Header.DOB': '102',
  'Header.MC_DOB': '171',
  'Episodes.DECOM': '141',
  'Episodes.DEC': '147',
  'Reviews.REVIEW': '166',
  'UASC.DUC': '104',
  'AD1.DATE_INT': '112',
  'AD1.DATE_MATCH': '113',
  'PlacedAdoption.DATE_PLACED': '115',
  'PlacedAdoption.DATE_PLACED_CEASED': '116',
  'Missing.MIS_START': '1004',
  'Missing.MIS_END': '1005',
  'SWEpisodes.SW_DECOM': 'SW04STG1',
  'SWEpisodes.SW_DEC': 'SW05STG1',
  'Reviews.DOB': null,
  'UASC.DOB': null,
  'OC2.DOB': null,
  'OC3.DOB': null,
  'AD1.DOB': null,
  'PlacedAdoption.DOB': null,
  'PrevPerm.DOB': null,
  'Missing.DOB': null,
  'SWEpisodes.DOB': null,
};

/**
 * One row of an SSDA903 table. Every column is a trimmed string, or null when blank; date columns
 * hold an IsoDate. A date that could not be read is null here and kept as written in `unreadable`.
 */
export type Ssda903Row<T extends Ssda903Table> = {
  readonly table: T;
  /** The line of the CSV file (the column names are line 1). */
  readonly row: number;
  readonly unreadable: Readonly<Partial<Record<string, string>>>;
} & { readonly [C in (typeof ssda903Columns)[T][number]]: string | null };

export type HeaderRow = Ssda903Row<'Header'>;
/** An episode, with the optional columns a council may still supply (absent when its file lacks them). */
export type EpisodeRow = Ssda903Row<'Episodes'> & {
  readonly PL_LA?: string | null;
  readonly PL_LOCATION?: string | null;
  readonly PL_DISTANCE?: string | null;
};
export type ReviewRow = Ssda903Row<'Reviews'>;
export type UascRow = Ssda903Row<'UASC'>;
export type Oc2Row = Ssda903Row<'OC2'>;
export type Oc3Row = Ssda903Row<'OC3'>;
export type Ad1Row = Ssda903Row<'AD1'>;
export type PlacedAdoptionRow = Ssda903Row<'PlacedAdoption'>;
export type PrevPermRow = Ssda903Row<'PrevPerm'>;
export type MissingRow = Ssda903Row<'Missing'>;
export type SocialWorkerEpisodeRow = Ssda903Row<'SWEpisodes'>;

/** Everything one child's SSDA903 return holds, table by table. Episodes are in order of DECOM. */
export type Ssda903Child = { readonly id: string } & {
  readonly [T in Ssda903Table]: readonly Ssda903Row<T>[];
};

/** An SSDA903 return read from its files, indexed by child. */
export interface Ssda903Return {
  readonly children: ReadonlyMap<string, Ssda903Child>;
  /** The tables supplied, with the name of the file each came from. */
  readonly files: ReadonlyMap<Ssda903Table, string>;
}

/** No rows: one frozen array for every table a child has nothing in. */
export const noRows: readonly never[] = Object.freeze([]);

/**
 * An empty child, for the reader to fill. Written out rather than built table by table: a return makes one
 * per child, and a literal gives each the same shape at once (the loop took about 6 µs a child before V8
 * optimised it, a tenth of reading a return). Its tables share one frozen empty array, which the reader
 * replaces with the child's rows.
 */
export function emptySsda903Child(id: string): Ssda903Child {
  return {
    id,
    Header: noRows,
    Episodes: noRows,
    Reviews: noRows,
    UASC: noRows,
    OC2: noRows,
    OC3: noRows,
    AD1: noRows,
    PlacedAdoption: noRows,
    PrevPerm: noRows,
    Missing: noRows,
    SWEpisodes: noRows,
  } satisfies Record<'id' | Ssda903Table, unknown>;
}

/** The date of the first episode, or null. Episodes are sorted by DECOM when read. */
export function firstDecom(child: Ssda903Child): IsoDate | null {
  return child.Episodes[0]?.DECOM ?? null;
}

/** A column of one table. */
export type Ssda903Column<T extends Ssda903Table> = (typeof ssda903Columns)[T][number];
