import { ssda903Csv } from '../../domain/returns/ssda903/export.ts';
import type { Ssda903Table } from '../../domain/returns/ssda903/tables.ts';
import type { ReturnFolder } from './ssda903-import.ts';

/** Past SSDA903 returns written for the import's tests: a folder of CSV tables, Header and Episodes rows. */

/** A folder of CSV files from tables given as rows of cells. */
export function folder(
  name: string,
  tables: Partial<Record<Ssda903Table, Record<string, string>[]>>,
): ReturnFolder {
  return {
    name,
    files: Object.entries(tables).map(([table, rows]) => ({
      name: `${table.toLowerCase()}.csv`,
      content: ssda903Csv(table as Ssda903Table, rows),
    })),
  };
}

export const header = (child: string) => ({
  CHILD: child,
  SEX: 'M',
  DOB: '01/01/2012',
  ETHNIC: 'WBRI',
  UPN: '',
  MOTHER: '',
  MC_DOB: '',
});
export const episode = (child: string, decom: string, rne: string, dec = '', rec = '', place = 'U1') => ({
  CHILD: child,
  DECOM: decom,
  RNE: rne,
  LS: 'C2',
  CIN: 'N1',
  PLACE: place,
  PLACE_PROVIDER: 'PR1',
  DEC: dec,
  REC: rec,
  REASON_PLACE_CHANGE: rec === 'X1' ? 'CARPL' : '',
  HOME_POST: 'DA1 1AA',
  PL_POST: 'DA2 2BB',
  URN: 'SC123456',
});
