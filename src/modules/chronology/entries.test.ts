import { describe, expect, it } from 'vitest';
import { CHILD_TABLES } from '../../db/record-tables.ts';
import type { ChildRecord } from '../record/service.ts';
import { chronologyEntries, summaryOf } from './entries.ts';
import type { SupersededVersion } from './queries.ts';
import { chronologyKinds } from './record-events.ts';

const episode = {
  id: 'e1',
  referral_date: '2025-06-02',
  referral_source: '6',
  primary_need: 'N1',
  re_referral: false,
  no_further_action: false,
  closed_on: null,
  closure_reason: null,
  recorded_by: 'w1',
  recorded_at: new Date('2025-06-02T10:00:00Z'),
};

function recordWith(tables: Partial<Record<(typeof CHILD_TABLES)[number], object[]>>): ChildRecord {
  return {
    child: {},
    ...Object.fromEntries(CHILD_TABLES.map((table) => [table, tables[table] ?? []])),
  } as unknown as ChildRecord;
}

function version(row: object, recordedAt: string, supersededAt: string, reason: string | null = null) {
  return {
    table_name: 'episodes',
    record_id: 'e1',
    version_row: row,
    recorded_at: new Date(recordedAt),
    superseded_at: new Date(supersededAt),
    superseded_by: 'Morgan Lee',
    reason,
  } as SupersededVersion;
}

const names = new Map([['w1', 'Priya Shah']]);
const entriesOf = (record: ChildRecord, superseded: SupersededVersion[] = []) =>
  chronologyEntries(
    { record, superseded, notes: [], workerNames: names, recorders: new Map() },
    chronologyKinds,
    'oldest',
  ).map((entry) => [entry.on, entry.title, entry.author, entry.corrected, entry.correction]);

describe('the chronology’s entries from the record and its kept versions', () => {
  it('gives each event of the record as it stands, with who recorded it', () => {
    expect(entriesOf(recordWith({ episodes: [episode] }))).toEqual([
      ['2025-06-02', expect.stringMatching(/^Referral from/), 'Priya Shah', null, null],
    ]);
  });

  it('keeps an event a change altered, marked as corrected, and says what its new form corrects', () => {
    const now = { ...episode, referral_date: '2025-06-03', recorded_at: new Date('2025-07-01T09:30:00Z') };
    expect(
      entriesOf(recordWith({ episodes: [now] }), [
        version(episode, '2025-06-02T10:00:00Z', '2025-07-01T09:30:00Z', 'Typed wrongly'),
      ]),
    ).toEqual([
      [
        '2025-06-02',
        expect.any(String),
        'Priya Shah',
        'Corrected on 1 July 2025 by Morgan Lee. Reason: Typed wrongly',
        null,
      ],
      [
        '2025-06-03',
        expect.any(String),
        'Morgan Lee',
        null,
        'A correction, recorded on 1 July 2025 by Morgan Lee, of the entry dated 2 June 2025. Reason: Typed wrongly',
      ],
    ]);
  });

  it('does not repeat an event a change left as it was, and dates a new event by the change that told it', () => {
    const closed = {
      ...episode,
      closed_on: '2025-09-01',
      closure_reason: 'RC1',
      recorded_at: new Date('2025-09-01T12:00:00Z'),
    };
    expect(
      entriesOf(recordWith({ episodes: [closed] }), [
        version(episode, '2025-06-02T10:00:00Z', '2025-09-01T12:00:00Z'),
      ]),
    ).toEqual([
      ['2025-06-02', expect.stringMatching(/^Referral/), 'Priya Shah', null, null],
      ['2025-09-01', expect.stringMatching(/^Episode of need closed/), 'Morgan Lee', null, null],
    ]);
  });

  const placement = (id: string, start: string, end: string | null, place: string, recordedAt: string) => ({
    id,
    care_period_id: 'c1',
    start_date: start,
    end_date: end,
    place,
    recorded_at: new Date(recordedAt),
  });
  const placementVersion = (row: ReturnType<typeof placement>, supersededAt: string): SupersededVersion => ({
    ...version(row, row.recorded_at.toISOString(), supersededAt),
    table_name: 'placements',
    record_id: row.id,
  });

  it.each(['2026-03-08T12:00:00Z', '2026-03-09T12:00:00Z', '2026-05-10T12:00:00Z'])(
    'does not call a first placement recorded late (at %s) a correction: it replaced nothing',
    (recordedAt) => {
      expect(
        entriesOf(recordWith({ placements: [placement('p1', '2026-03-01', null, 'U1', recordedAt)] })),
      ).toEqual([['2026-03-01', 'Placement began: {SSDA903.PLACE:U1}', null, null, null]]);
    },
  );

  it.each([
    // Recorded within the week, a change is not late, whatever it replaced.
    ['2026-03-08T12:00:00Z', null],
    ['2026-03-09T12:00:00Z', 'A correction, recorded on 9 March 2026 with effect from 1 March 2026.'],
    ['2026-05-10T12:00:00Z', 'A correction, recorded on 10 May 2026 with effect from 1 March 2026.'],
  ])(
    'marks a change of placement recorded at %s, back-dated over a placement already recorded, as a correction',
    (recordedAt, correction) => {
      const first = placement('p1', '2026-01-05', null, 'U1', '2026-01-05T12:00:00Z');
      const ended = { ...first, end_date: '2026-03-01', recorded_at: new Date(recordedAt) };
      const next = placement('p2', '2026-03-01', null, 'U3', recordedAt);
      expect(
        entriesOf(recordWith({ placements: [ended, next] }), [placementVersion(first, recordedAt)]),
      ).toEqual([
        ['2026-01-05', 'Placement began: {SSDA903.PLACE:U1}', null, null, null],
        ['2026-03-01', expect.stringMatching(/^Placement (began|changed)/), null, null, correction],
      ]);
    },
  );

  it('does not call a late placement a correction when the one before had already ended by its start', () => {
    const first = placement('p1', '2026-01-05', '2026-02-01', 'U1', '2026-02-01T12:00:00Z');
    const next = placement('p2', '2026-03-01', null, 'U3', '2026-05-10T12:00:00Z');
    expect(entriesOf(recordWith({ placements: [first, next] })).at(-1)).toEqual([
      '2026-03-01',
      'Placement began: {SSDA903.PLACE:U3}',
      null,
      null,
      null,
    ]);
  });

  it.each([
    ['Saw Jay.', 300, 'Saw Jay.'],
    ['Saw   Jay\n\nat home.', 300, 'Saw Jay at home.'],
    ['Saw Jay at home with his mother', 20, 'Saw Jay at home…'],
  ])('summarises %j in about %i characters as %j', (body, length, summary) => {
    expect(summaryOf(body, length)).toBe(summary);
  });

  it('says a fact a past return brought in was imported, from which file and row, and what the import changed', () => {
    const imported = { ...episode, recorded_by: null, closed_on: '2025-09-30', closure_reason: 'RC7' };
    const fromReturn = (superseded: SupersededVersion[] = []) =>
      chronologyEntries(
        {
          record: recordWith({ episodes: [imported] }),
          superseded,
          notes: [],
          workerNames: names,
          recorders: new Map(),
          imported: new Map([
            [
              'episodes:e1',
              {
                file: 'cin-2023.xml',
                row: 14,
                fix: 'open episode closed when the next year did not list it',
              },
            ],
          ]),
        },
        chronologyKinds,
        'oldest',
      ).map((entry) => [entry.title.slice(0, 8), entry.author, entry.correction]);
    expect(fromReturn()).toEqual([
      [
        'Referral',
        'Imported from cin-2023.xml, row 14',
        'Changed on import: open episode closed when the next year did not list it',
      ],
      [
        expect.any(String),
        'Imported from cin-2023.xml, row 14',
        'Changed on import: open episode closed when the next year did not list it',
      ],
    ]);
    // Corrected in Hearth since: the earlier form keeps the return as its source, the new form names the person.
    const corrected = {
      ...imported,
      referral_date: '2025-06-03',
      recorded_at: new Date('2025-07-01T09:30:00Z'),
    };
    const entries = chronologyEntries(
      {
        record: recordWith({ episodes: [corrected] }),
        superseded: [version(imported, '2025-06-02T10:00:00Z', '2025-07-01T09:30:00Z', 'Typed wrongly')],
        notes: [],
        workerNames: names,
        recorders: new Map(),
        imported: new Map([['episodes:e1', { file: 'cin-2023.xml', row: 14, fix: null }]]),
      },
      chronologyKinds,
      'oldest',
    ).filter((entry) => entry.title.startsWith('Referral'));
    expect(entries.map((entry) => [entry.on, entry.author, Boolean(entry.corrected)])).toEqual([
      ['2025-06-02', 'Imported from cin-2023.xml, row 14', true],
      ['2025-06-03', 'Morgan Lee', false],
    ]);
  });
});
