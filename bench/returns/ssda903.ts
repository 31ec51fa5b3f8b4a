/**
 * A synthetic SSDA903 return for the benchmark: `looked` children looked after during the
 * collection year (with their episodes, reviews, missing and social worker episodes, outcomes,
 * adoption and previous permanence rows) and a fifth as many care leavers in OC3. The records are
 * shaped like a council's, and about one child in fifty carries a deliberate mistake.
 */
import { upnCheckLetter } from '../../src/domain/returns/cin/rules/identifiers.ts';
import { ssda903FileNames } from '../../src/domain/returns/ssda903/export.ts';
import { ssda903Columns, type Ssda903Table } from '../../src/domain/returns/ssda903/tables.ts';
import { addMonths, addYears, dayOf, ethnicities, Random, ukOf, upnOf } from './random.ts';

type Row = Record<string, string>;
type Tables = Record<Ssda903Table, Row[]>;

const fosterPlaces = ['U1', 'U3', 'U4', 'U6', 'U6', 'U6', 'U4', 'U3'];
const newEpisodeReasons = { P: 60, L: 15, T: 10, B: 10, U: 5 };
const letters = 'ABDEFGHJLNPQRSTUWXYZ';

function postcode(random: Random): string {
  return `DA${random.int(1, 18)} ${random.int(1, 9)}${random.pick([...letters])}${random.pick([...letters])}`;
}

/** The placement, its provider and URN for a child of `age` on a legal status. */
function placement(random: Random, age: number, ls: string): Row {
  let place: string;
  if (ls === 'E1' && age < 6 && random.chance(0.5)) place = random.pick(['A5', 'A6']);
  else if (age >= 16 && random.chance(0.3)) place = 'K3';
  else if (age >= 10 && random.chance(0.2)) place = 'K2';
  else if (ls === 'C2' && random.chance(0.05)) place = 'P1';
  else place = random.pick(fosterPlaces);
  const provider =
    place === 'P1'
      ? 'PR0'
      : place.startsWith('A')
        ? random.pick(['PR1', 'PR2'])
        : place === 'K2' || place === 'K3'
          ? random.pick(['PR4', 'PR4', 'PR1'])
          : random.pick(['PR1', 'PR1', 'PR4']);
  const urn =
    place === 'P1'
      ? ''
      : place === 'K2'
        ? `SC${random.int(100000, 999999)}`
        : provider === 'PR1'
          ? 'XXXXXXX'
          : `SC${random.int(100000, 999999)}`;
  return {
    PLACE: place,
    PLACE_PROVIDER: provider,
    URN: urn,
    PL_POST: place === 'P1' ? '' : postcode(random),
  };
}

function ageOn(dob: number, day: number): number {
  let age = 0;
  while (addYears(dob, age + 1) <= day) age += 1;
  return age;
}

/** The episodes of one period of care from `careStart`, each following the last, until it ends or the year does. */
function episodesOf(random: Random, id: string, careStart: number, dob: number, end: number): Row[] {
  const ofAge = (day: number) => ageOn(dob, day);
  const eighteen = addYears(dob, 18);
  const episodes: Row[] = [];
  let decom = careStart;
  let ls = ofAge(careStart) >= 16 ? 'V2' : random.weighted({ C2: 45, V2: 25, C1: 20, E1: 6, L2: 4 });
  let place = placement(random, ofAge(careStart), ls);
  let rne = 'S';
  const need = random.pick(['N1', 'N1', 'N1', 'N2', 'N4', 'N5', 'N6', 'N8']);
  const home = postcode(random);
  for (let index = 0; decom <= end; index += 1) {
    const length = ls === 'L2' ? random.int(1, 8) : random.int(20, 500);
    const last = index >= 4 || random.chance(0.35);
    let dec: number | null = decom + length;
    let rec = 'X1';
    if (dec > end && (!last || eighteen > end)) [dec, rec] = [null, ''];
    else if (dec >= eighteen) [dec, rec] = [eighteen, random.pick(['E17', 'E5', 'E8'])];
    else if (last && dec <= end) {
      rec = place.PLACE!.startsWith('A')
        ? random.pick(['E11', 'E12'])
        : random.weighted({ E4A: 35, E13: 15, E8: 10, E45: 10, E41: 5, E3: 5, E4B: 20 });
    } else if (last || dec > end) [dec, rec] = [null, ''];
    episodes.push({
      CHILD: id,
      DECOM: ukOf(decom),
      RNE: rne,
      LS: ls,
      CIN: need,
      ...place,
      DEC: dec === null ? '' : ukOf(dec),
      REC: rec,
      REASON_PLACE_CHANGE: '',
      HOME_POST: home,
    });
    if (dec === null || rec !== 'X1') break;
    decom = dec;
    rne = random.weighted(newEpisodeReasons);
    if (['L', 'B', 'U'].includes(rne) && (ls === 'C1' || ls === 'L2')) ls = ls === 'C1' ? 'C2' : 'C1';
    else if (ls === 'L2') [rne, ls] = ['L', 'C1'];
    else if (['L', 'B', 'U'].includes(rne)) rne = 'P';
    if (rne !== 'L') {
      const next = placement(random, ofAge(decom), ls);
      if (rne === 'T' || rne === 'U') next.PLACE_PROVIDER = place.PLACE_PROVIDER!;
      episodes.at(-1)!.REASON_PLACE_CHANGE = random.pick(['CARPL', 'CHILD', 'LAREQ', 'PLACE', 'STAND']);
      place = next;
    }
  }
  return episodes;
}

/** One looked-after child's rows in every table; false when the child's care ended before the year. */
function lookedAfterChild(random: Random, tables: Tables, id: string, serial: number, year: number): boolean {
  const start = dayOf(`${year}-04-01`);
  const end = dayOf(`${year + 1}-03-31`);
  const age = random.weighted({ '0': 8, '2': 12, '7': 20, '12': 40, '16': 20 });
  const dob = end - Number(age) * 365 - random.int(0, age === '16' ? 700 : 1800);
  const sex = random.pick(['F', 'M']);
  const dobText = ukOf(dob);
  const ofAge = (day: number) => ageOn(dob, day);
  const hasUpn = ofAge(end) >= 4 || random.chance(0.3);
  tables.Header.push({
    CHILD: id,
    SEX: sex,
    DOB: dobText,
    ETHNIC: random.weighted(ethnicities),
    UPN: hasUpn ? upnOf(serial, upnCheckLetter) : 'UN1',
    MOTHER: sex === 'F' ? '0' : '',
    MC_DOB: '',
  });

  // Episodes: a period of care that began before or during the year, each episode following the last.
  const careStart = random.chance(0.55)
    ? Math.max(dob + 1, start - random.int(30, 6 * 365))
    : Math.max(dob + 1, start + random.int(0, end - start - 20));
  const eighteen = addYears(dob, 18);
  const episodes = episodesOf(random, id, careStart, dob, end);
  const inYear = episodes.filter((episode) => !episode.DEC || dayOf(iso(episode.DEC)) >= start);
  if (inYear.length === 0) {
    // Care ended before the year began: the child belongs to an earlier return, so take another.
    tables.Header.pop();
    return false;
  }
  tables.Episodes.push(...inYear);
  const firstDay = Math.max(careStart, start);
  const lastEpisode = episodes.at(-1)!;
  const careEnd = lastEpisode.DEC ? dayOf(iso(lastEpisode.DEC)) : null;

  // Reviews: 20 working days (about four weeks), three months, then every six months.
  let review = careStart + 28;
  for (let count = 0; review <= end && (careEnd === null || review < careEnd); count += 1) {
    if (review >= start)
      tables.Reviews.push({
        CHILD: id,
        DOB: dobText,
        REVIEW: ukOf(review),
        REVIEW_CODE: ofAge(review) < 4 ? 'PN0' : random.pick(['PN1', 'PN1', 'PN2', 'PN4', 'PN7']),
      });
    review = count === 0 ? addMonths(review, 3) : addMonths(review, 6);
  }
  if (ofAge(careStart) >= 14 && random.chance(0.15))
    tables.UASC.push({ CHILD: id, SEX: sex, DOB: dobText, DUC: ukOf(eighteen) });
  if (careStart <= end - 365 && careEnd === null) {
    const years = ofAge(end);
    tables.OC2.push({
      CHILD: id,
      DOB: dobText,
      SDQ_SCORE: years >= 4 && years <= 17 ? String(random.int(0, 40)) : '',
      SDQ_REASON: '',
      CONVICTED: years >= 10 ? (random.chance(0.05) ? '1' : '0') : '',
      HEALTH_CHECK: years < 5 ? '1' : '',
      IMMUNISATIONS: random.chance(0.9) ? '1' : '0',
      TEETH_CHECK: '1',
      HEALTH_ASSESSMENT: '1',
      SUBSTANCE_MISUSE: '0',
      INTERVENTION_RECEIVED: '',
      INTERVENTION_OFFERED: '',
    });
  }
  if (careStart >= start) {
    const known = random.chance(0.2);
    tables.PrevPerm.push({
      CHILD: id,
      DOB: dobText,
      PREV_PERM: known ? 'P1' : 'Z1',
      LA_PERM: known ? '201' : '',
      DATE_PERM: known ? ukOf(careStart - random.int(400, 1500)) : '',
    });
  }
  const adopted = inYear.find((episode) => episode.REC === 'E11' || episode.REC === 'E12');
  const placedForAdoption = inYear.find((episode) => episode.PLACE!.startsWith('A') || episode.LS === 'E1');
  if (placedForAdoption) {
    const placedOn = Math.max(careStart, dayOf(iso(placedForAdoption.DECOM!)) - random.int(0, 200));
    tables.PlacedAdoption.push({
      CHILD: id,
      DOB: dobText,
      DATE_PLACED: ukOf(placedOn),
      DATE_PLACED_CEASED: adopted ? adopted.DEC! : '',
      REASON_PLACED_CEASED: adopted ? 'RD1' : '',
    });
  }
  if (adopted) {
    const matched = dayOf(iso(placedForAdoption?.DECOM ?? adopted.DECOM!)) - random.int(10, 60);
    tables.AD1.push({
      CHILD: id,
      DOB: dobText,
      DATE_INT: ukOf(matched - random.int(30, 200)),
      DATE_MATCH: ukOf(matched),
      FOSTER_CARE: random.pick(['0', '1']),
      NB_ADOPTR: random.pick(['1', '2', '2']),
      SEX_ADOPTR: random.pick(['MF', 'MF', 'F1', 'FF', 'MM']),
      LS_ADOPTR: random.pick(['L0', 'L11', 'L12']),
    });
  }
  if (ofAge(end) >= 10 && random.chance(0.12)) {
    let missingStart = firstDay + random.int(1, 60);
    for (let count = random.int(1, 3); count > 0 && missingStart < (careEnd ?? end); count -= 1) {
      const missingEnd = missingStart + random.int(0, 4);
      tables.Missing.push({
        CHILD: id,
        DOB: dobText,
        MISSING: random.pick(['M', 'M', 'A']),
        MIS_START: ukOf(missingStart),
        MIS_END:
          missingEnd <= end && (count > 1 || careEnd !== null || random.chance(0.9)) ? ukOf(missingEnd) : '',
      });
      missingStart = missingEnd + random.int(10, 90);
    }
  }
  // Social workers: one or more, handing over during the year, the last still allocated.
  let sw = firstDay;
  for (let count = random.int(1, 3); ; count -= 1) {
    const handover = count > 1 ? sw + random.int(30, 150) : null;
    const ends = handover !== null && handover < (careEnd ?? end) ? handover : null;
    tables.SWEpisodes.push({
      CHILD: id,
      DOB: dobText,
      SW_ID: `SW${random.int(1000, 1400)}`,
      SW_DECOM: ukOf(sw),
      SW_DEC: ends === null ? '' : ukOf(ends),
      SW_REASON: random.pick(['MANAGE', 'ORGRST', 'PCCHAN', 'CHCHAN']),
    });
    if (ends === null) break;
    sw = ends;
  }
  return true;
}

function iso(uk: string): string {
  return `${uk.slice(6, 10)}-${uk.slice(3, 5)}-${uk.slice(0, 2)}`;
}

function careLeaver(random: Random, tables: Tables, id: string, serial: number, year: number): void {
  const start = dayOf(`${year}-04-01`);
  const birthdayAge = random.pick([19, 20, 21]);
  const dob = addYears(start + random.int(0, 364), -birthdayAge);
  const dobText = ukOf(dob);
  tables.Header.push({
    CHILD: id,
    SEX: random.pick(['F', 'M']),
    DOB: dobText,
    ETHNIC: random.weighted(ethnicities),
    UPN: upnOf(serial, upnCheckLetter),
    MOTHER: '',
    MC_DOB: '',
  });
  const inTouch = random.weighted({ YES: 85, NO: 5, REFU: 5, NREQ: 5 });
  tables.OC3.push({
    CHILD: id,
    DOB: dobText,
    IN_TOUCH: inTouch,
    ACTIV: inTouch === 'YES' ? random.pick(['F1', 'F2', 'G4', 'G5', 'G6', 'P1']) : '0',
    ACCOM:
      inTouch === 'YES' ? random.pick(['B1', 'C1', 'D1', 'E1', 'G1', 'H1', 'K1', 'R1', 'S2', 'T1']) : '0',
  });
}

/** The mistakes scattered through the return: each breaks a rule of a different kind. */
const mistakes: ((random: Random, rows: Tables, id: string) => void)[] = [
  (random, tables, id) => edit(tables.Episodes, id, (row) => (row.PLACE = 'ZZ')),
  (random, tables, id) => edit(tables.Episodes, id, (row) => (row.DECOM = row.DECOM!.replaceAll('/', '-'))),
  (random, tables, id) => edit(tables.Header, id, (row) => (row.UPN = `${row.UPN!.slice(0, 12)}Q`)),
  (random, tables, id) => edit(tables.Header, id, (row) => (row.ETHNIC = '')),
  (random, tables, id) => edit(tables.Episodes, id, (row) => (row.LS = '')),
  (random, tables, id) => edit(tables.Reviews, id, (row) => (row.REVIEW_CODE = 'PN9')),
  (random, tables, id) => edit(tables.Episodes, id, (row) => (row.PLACE_PROVIDER = '')),
  (random, tables, id) => edit(tables.Episodes, id, (row) => (row.DEC = row.DEC ? '31/02/2025' : row.DEC!)),
  (random, tables, id) => edit(tables.Header, id, (row) => (row.SEX = 'X')),
  (random, tables, id) => edit(tables.SWEpisodes, id, (row) => (row.SW_ID = '')),
  (random, tables, id) => edit(tables.Missing, id, (row) => (row.MIS_END = '01/01/2020')),
];

function edit(rows: Row[], id: string, change: (row: Row) => void): void {
  const row = rows.find((candidate) => candidate.CHILD === id);
  if (row) change(row);
}

function csv(table: Ssda903Table, rows: readonly Row[]): string {
  const columns: readonly string[] = ssda903Columns[table];
  const lines = [
    columns.join(','),
    ...rows.map((row) => columns.map((column) => row[column] ?? '').join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/** The CSV files (name → text) of a return of `looked` children looked after in collection year `year`. */
export function generateSsda903(looked: number, seed: number, year = 2025): Map<string, string> {
  const random = new Random(seed);
  const tables = Object.fromEntries(
    Object.keys(ssda903Columns).map((table) => [table, []]),
  ) as unknown as Tables;
  const ids: string[] = [];
  for (let index = 0; ids.length < looked; index += 1) {
    const id = String(500000 + index * 7);
    if (lookedAfterChild(random, tables, id, 100000 + index, year)) ids.push(id);
  }
  for (let index = 0; index < Math.round(looked / 5); index += 1)
    careLeaver(random, tables, String(900000 + index * 7), 800000 + index, year);
  for (const id of ids) if (random.chance(0.02)) random.pick(mistakes)(random, tables, id);
  return new Map(
    (Object.keys(ssda903Columns) as Ssda903Table[]).map((table) => [
      ssda903FileNames[table],
      csv(table, tables[table]),
    ]),
  );
}
