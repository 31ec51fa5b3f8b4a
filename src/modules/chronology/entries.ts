import { daysBetween } from '../../domain/returns/dates.ts';
import { ukDate } from '../../platform/views.ts';
import { validDaysOf } from '../record/as-at.ts';
import type { ChildRecord, RecordTable } from '../record/service.ts';
import type { notesWithin } from '../casenotes/service.ts';
import type { ImportedSource, SupersededVersion } from './queries.ts';
import {
  TABLES_IN_CHRONOLOGY,
  contextOf,
  eventsOfRow,
  type ChronologyKind,
  type EventContext,
  type RecordEvent,
} from './record-events.ts';

/** One entry of the chronology, as a court would read it (issue 17 part 11). */
export interface ChronologyEntry {
  on: string;
  kind: ChronologyKind;
  title: string;
  detail: string | null;
  /** The note's text, shortened to a summary, or the longer text a record holds (an assessment's summary). */
  text: string | null;
  /** Who recorded it, where Hearth knows. */
  author: string | null;
  /** Why it matters for the child, as the worker who wrote the note said. */
  significance: string | null;
  noteId: string | null;
  /** Said on an entry that a later entry corrected: "Corrected on 10 May 2026 by Ann Smith." */
  corrected: string | null;
  /** Said on an entry that corrects an earlier one, or that changed what the record said about past days. */
  correction: string | null;
}

export type ChronologyOrder = 'newest' | 'oldest';

/** A case note about the child, with its writer's name. */
export type ChronologyNote = Awaited<ReturnType<typeof notesWithin>>[number];

/** What the chronology is built from: the record as known now, its replaced versions and who recorded what. */
export interface ChronologySources {
  record: ChildRecord;
  superseded: readonly SupersededVersion[];
  notes: readonly ChronologyNote[];
  workerNames: ReadonlyMap<string, string>;
  /** Who recorded what at an instant (its ISO string), from the audit log. */
  recorders: ReadonlyMap<string, string>;
  /** The rows a past return brought in, by `table:id`, with the file and row they came from. */
  imported?: ReadonlyMap<string, ImportedSource>;
}

type Row = Record<string, unknown>;
const instant = (value: unknown) => new Date(value as string | Date);
const dayOf = (value: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(value);

/**
 * A placement or legal status recorded more than a week after it took effect is late. It is a correction only if
 * it replaced what the record already said about the days between (a back-dated change that ended a placement or
 * status already recorded as running then); a fact first recorded late (the start of care entered weeks on)
 * replaced nothing and is only said to be recorded late.
 */
const LATE_AFTER_DAYS = 7;
const TABLES_WHERE_LATE_MAY_CORRECT: readonly RecordTable[] = ['placements', 'legal_statuses'];

/** One form of a row of the record: as it stood from when it was recorded until it was superseded (never: null). */
interface Form {
  id: unknown;
  row: Row;
  recordedAt: Date;
  supersededAt: Date | null;
}

/**
 * Whether, just before `since`, the record already held another fact of the table that ran on some day from `on`
 * to the day of `since`: what a back-dated fact recorded at `since` with effect from `on` replaced.
 */
function replacedWhatWasRecorded(
  table: RecordTable,
  forms: readonly Form[],
  id: unknown,
  on: string,
  since: Date,
) {
  const recordedOn = dayOf(since);
  return forms.some((form) => {
    if (form.id === id || form.recordedAt >= since) return false;
    if (form.supersededAt !== null && form.supersededAt < since) return false;
    const { from, to } = validDaysOf(table, form.row);
    return from !== undefined && from < recordedOn && (to === undefined || to > on);
  });
}

const byWhom = (name: string | null) => (name ? ` by ${name}` : '');
const because = (reason: string | null) => (reason ? ` Reason: ${reason}` : '');
const sameEvent = (a: RecordEvent, b: RecordEvent) =>
  a.on === b.on && a.title === b.title && a.detail === b.detail && a.text === b.text;

/** An event as it stands in one version, with when and by whom it took that form and what it replaced. */
interface Known {
  event: RecordEvent;
  since: Date;
  by: string | null;
  replaced: RecordEvent | null;
  reason: string | null;
}

/**
 * The entries one row of the record gives: each event as it stands now, and each earlier form of it that a change
 * replaced, marked as corrected, with when, by whom and why (ADR 9: record_history keeps every replaced version).
 */
function entriesOfRow(
  table: RecordTable,
  current: Row,
  versions: readonly SupersededVersion[],
  context: EventContext,
  recorders: ReadonlyMap<string, string>,
  formsOfTable: readonly Form[],
): ChronologyEntry[] {
  const entries: ChronologyEntry[] = [];
  const forms = [
    ...versions.map((version) => ({ row: version.version_row, recordedAt: instant(version.recorded_at) })),
    { row: current, recordedAt: instant(current.recorded_at) },
  ];
  const first = eventsOfRow(table, forms[0]!.row, context);
  const firstBy = (event: RecordEvent) =>
    (event.recordedBy && context.workerNames.get(event.recordedBy)) ??
    recorders.get(forms[0]!.recordedAt.toISOString()) ??
    null;
  let known = new Map<string, Known>(
    first.map((event) => [
      event.part,
      { event, since: forms[0]!.recordedAt, by: firstBy(event), replaced: null, reason: null },
    ]),
  );
  versions.forEach((version, index) => {
    const next = new Map<string, Known>();
    const at = instant(version.superseded_at);
    for (const event of eventsOfRow(table, forms[index + 1]!.row, context)) {
      const before = known.get(event.part);
      if (before && sameEvent(before.event, event)) next.set(event.part, before);
      else
        next.set(event.part, {
          event,
          since: at,
          by: version.superseded_by,
          replaced: before?.event ?? null,
          reason: version.reason,
        });
    }
    for (const [part, before] of known) {
      if (next.get(part) === before) continue;
      entries.push({
        ...entryOf(before),
        corrected: `Corrected on ${ukDate(dayOf(at))}${byWhom(version.superseded_by)}.${because(version.reason)}`,
      });
    }
    known = next;
  });
  const replaced = (now: Known) =>
    replacedWhatWasRecorded(table, formsOfTable, current.id, now.event.on, now.since);
  for (const now of known.values())
    entries.push({ ...entryOf(now), correction: correctionOf(table, now, replaced) });
  return entries;
}

/**
 * An entry of a fact a past return brought in (issue 19, part 1): it was recorded by the return's file, not by a
 * person in Hearth (unless a person has corrected it since), and what the import changed to make one record of
 * several years' returns is said beside it, so that nothing is silently changed.
 */
function importedEntry(
  entry: ChronologyEntry,
  source: ImportedSource,
  correctedSince: boolean,
): ChronologyEntry {
  const file = `Imported from ${source.file}${source.row === null ? '' : `, row ${source.row}`}`;
  const fix = source.fix && !entry.corrected ? `Changed on import: ${source.fix}` : null;
  return {
    ...entry,
    author: correctedSince && !entry.corrected ? entry.author : file,
    correction: [entry.correction, fix].filter(Boolean).join(' ') || null,
  };
}

function entryOf(known: Known): ChronologyEntry {
  const { on, kind, title, detail, text } = known.event;
  return {
    on,
    kind,
    title,
    detail,
    text,
    author: known.by,
    significance: null,
    noteId: null,
    corrected: null,
    correction: null,
  };
}

function correctionOf(table: RecordTable, known: Known, replaced: (known: Known) => boolean): string | null {
  const recorded = `recorded on ${ukDate(dayOf(known.since))}${byWhom(known.by)}`;
  if (known.replaced) {
    const of =
      known.replaced.on === known.event.on
        ? 'the earlier entry'
        : `the entry dated ${ukDate(known.replaced.on)}`;
    return `A correction, ${recorded}, of ${of}.${because(known.reason)}`;
  }
  if (
    TABLES_WHERE_LATE_MAY_CORRECT.includes(table) &&
    daysBetween(known.event.on, dayOf(known.since)) > LATE_AFTER_DAYS
  ) {
    return replaced(known) ? `A correction, ${recorded} with effect from ${ukDate(known.event.on)}.` : null;
  }
  return null;
}

/** A note's text, shortened to about `length` characters at a word's end, for the chronology's summary. */
export function summaryOf(body: string, length = 300): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), length / 2))}…`;
}

const writerOf = (note: ChronologyNote) => `${note.writer_given_name} ${note.writer_family_name}`;

/**
 * The case notes as entries. Notes never change (ADR 5): a correction is a new note linked to the one it corrects,
 * so the original is marked with who corrected it and when, and the correction says which note it corrects.
 */
function noteEntries(notes: readonly ChronologyNote[], orderOfNotes: Map<ChronologyEntry, string>) {
  const byId = new Map(notes.map((note) => [note.id, note]));
  const writtenAt = (note: ChronologyNote) => instant(note.written_at).toISOString();
  return notes.map((note): ChronologyEntry => {
    const corrections = notes.filter((other) => other.corrects_note_id === note.id);
    const original = note.corrects_note_id ? byId.get(note.corrects_note_id) : undefined;
    const written = `written on ${ukDate(dayOf(instant(note.written_at)))} by ${writerOf(note)}`;
    const entry: ChronologyEntry = {
      on: note.occurred_on,
      kind: 'note',
      // Its tag and its `correction` say it is a correction; the title stays the writer's.
      title: note.title,
      detail: note.kind.replaceAll('-', ' '),
      text: summaryOf(note.body),
      author: writerOf(note),
      significance: note.significance,
      noteId: note.id,
      corrected: corrections.length
        ? corrections
            .map(
              (correction) =>
                `Corrected on ${ukDate(dayOf(instant(correction.written_at)))} by ${writerOf(correction)}.`,
            )
            .join(' ')
        : null,
      correction: note.corrects_note_id
        ? `A correction, ${written}, of ${original ? `the note of ${ukDate(original.occurred_on)}, “${original.title}”` : 'an earlier note'}.${because(note.correction_reason)}`
        : null,
    };
    // A day's notes in the order they were written, each correction just after the note it corrects.
    orderOfNotes.set(entry, `${original ? writtenAt(original) : writtenAt(note)} ${writtenAt(note)}`);
    return entry;
  });
}

/** Every form of the table's rows: each kept version, and each row as it stands now. */
function formsOf(table: RecordTable, rows: readonly Row[], superseded: readonly SupersededVersion[]): Form[] {
  return [
    ...superseded
      .filter((version) => version.table_name === table)
      .map((version) => ({
        id: version.record_id,
        row: version.version_row as Row,
        recordedAt: instant(version.recorded_at),
        supersededAt: instant(version.superseded_at),
      })),
    ...rows.map((row) => ({ id: row.id, row, recordedAt: instant(row.recorded_at), supersededAt: null })),
  ];
}

/**
 * The child's chronology: every dated event of the record as Hearth knows it now, each earlier form a correction
 * replaced (marked as corrected), and the case notes; in the order asked for, limited to the kinds asked for.
 * Entries of one day keep one order either way: by kind, then title (notes as written), an entry before its
 * correction.
 */
export function chronologyEntries(
  sources: ChronologySources,
  kinds: readonly ChronologyKind[],
  order: ChronologyOrder,
): ChronologyEntry[] {
  const context = contextOf(sources.record, sources.workerNames);
  const versionsOf = new Map<string, SupersededVersion[]>();
  for (const version of sources.superseded) {
    const key = `${version.table_name}:${version.record_id}`;
    versionsOf.set(key, [...(versionsOf.get(key) ?? []), version]);
  }
  const entries = TABLES_IN_CHRONOLOGY.flatMap((table) => {
    const rows = sources.record[table] as unknown as Row[];
    const forms = TABLES_WHERE_LATE_MAY_CORRECT.includes(table)
      ? formsOf(table, rows, sources.superseded)
      : [];
    return rows.flatMap((row) => {
      const versions = versionsOf.get(`${table}:${row.id}`) ?? [];
      const rowEntries = entriesOfRow(table, row, versions, context, sources.recorders, forms);
      const imported = sources.imported?.get(`${table}:${row.id}`);
      return imported
        ? rowEntries.map((entry) => importedEntry(entry, imported, versions.length > 0))
        : rowEntries;
    });
  });
  const orderOfNotes = new Map<ChronologyEntry, string>();
  entries.push(...noteEntries(sources.notes, orderOfNotes));
  const within = (entry: ChronologyEntry) => orderOfNotes.get(entry) ?? entry.title;
  const direction = order === 'newest' ? -1 : 1;
  return entries
    .filter((entry) => kinds.includes(entry.kind))
    .sort(
      (a, b) =>
        direction * a.on.localeCompare(b.on) ||
        a.kind.localeCompare(b.kind) ||
        within(a).localeCompare(within(b)) ||
        a.title.localeCompare(b.title) ||
        Number(a.corrected === null) - Number(b.corrected === null),
    );
}

/** The instants at which the rows of the record (in their first kept form) were recorded, to ask who recorded them. */
export function firstRecordedInstants(record: ChildRecord, superseded: readonly SupersededVersion[]): Date[] {
  const earliest = new Map<string, Date>();
  for (const table of TABLES_IN_CHRONOLOGY) {
    for (const row of record[table] as unknown as Row[])
      earliest.set(`${table}:${row.id}`, instant(row.recorded_at));
  }
  for (const version of superseded) {
    const key = `${version.table_name}:${version.record_id}`;
    const at = instant(version.recorded_at);
    if (!earliest.has(key) || at < earliest.get(key)!) earliest.set(key, at);
  }
  return [...new Map([...earliest.values()].map((at) => [at.toISOString(), at])).values()];
}
