import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Tables } from '../../db/schema.ts';
import {
  appearances,
  markThirdParties,
  termsFor,
  type Segment,
  type ThirdParty,
} from '../../domain/governance/third-parties.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit, type AuditSource } from '../../platform/audit.ts';
import { NotFound } from '../../platform/errors.ts';
import { auditSource, withAuditedRead, withTransaction } from '../../platform/transactions.ts';
import { ukDate } from '../../platform/views.ts';
import { notesWithin } from '../casenotes/service.ts';
import { chronologyOf } from '../chronology/service.ts';
import { readRecords, type ChildRecord } from '../record/service.ts';
import { childForSubjectAccess, councilName, otherChildrenOnNotes, peopleByIds } from './queries.ts';

/** A cell or a paragraph of the disclosure: text in runs, some of them a third party's. */
export type Marked = Segment[];

export interface DisclosureTable {
  kind: 'table';
  heading: string;
  head: string[];
  rows: Marked[][];
  /** Said when there are no rows. */
  none: string;
}

export interface DisclosureNotes {
  kind: 'notes';
  heading: string;
  notes: { title: Marked; about: string; paragraphs: Marked[]; otherChildren: Marked[] }[];
  none: string;
}

export type DisclosureSection = DisclosureTable | DisclosureNotes;

/** A child's record as it is disclosed to them, with the third parties whose information may be withheld. */
export interface SubjectAccessRecord {
  childId: string;
  localId: string;
  name: string;
  council: string;
  today: string;
  thirdParties: (ThirdParty & { appears: number })[];
  sections: DisclosureSection[];
}

const plain = (text: string | null | undefined): Marked => (text ? [{ text }] : []);

/** The whole of a value as one third party's, such as a name in a table's cell. */
const theirs = (text: string | null | undefined, party: string): Marked => (text ? [{ text, party }] : []);

/** What a disclosure is made from, read once. */
interface DisclosureSources {
  record: ChildRecord;
  notes: Awaited<ReturnType<typeof notesWithin>>;
  personById: Map<string, Awaited<ReturnType<typeof peopleByIds>>[number]>;
  otherChildren: Awaited<ReturnType<typeof otherChildrenOnNotes>>;
  chronology: Awaited<ReturnType<typeof chronologyOf>>;
}

/** The third parties of a record: its family and network (professionals among them), and other children on its notes. */
function thirdPartiesOf(sources: DisclosureSources): ThirdParty[] {
  const { record, personById, otherChildren } = sources;
  const subject = { givenName: record.child.given_name, familyName: record.child.family_name };
  return [
    ...record.child_relationships.flatMap((relationship): ThirdParty[] => {
      const person = personById.get(relationship.person_id);
      if (!person) return [];
      const name = `${person.given_name} ${person.family_name}`;
      return [
        {
          key: person.id,
          kind: person.organisation ? 'professional' : 'family-or-network',
          label: `${name} (${relationship.relationship.replaceAll('-', ' ')}${person.organisation ? `, ${person.organisation}` : ''})`,
          terms: termsFor(
            { givenName: person.given_name, familyName: person.family_name, phone: person.phone },
            subject,
          ),
        },
      ];
    }),
    ...[...new Map(otherChildren.map((other) => [other.id, other])).values()].map((other): ThirdParty => ({
      key: other.id,
      kind: 'other-child',
      label: `${other.given_name} ${other.family_name} (another child)`,
      terms: termsFor({ givenName: other.given_name, familyName: other.family_name }, subject),
    })),
  ];
}

/** The record's sections, each party's words marked by `mark`. */
function sectionsOf(sources: DisclosureSources, mark: (text: string | null | undefined) => Marked) {
  return [...aboutSections(sources, mark), ...writtenSections(sources, mark)];
}

/** What the record holds about the child and the people around them, and the council's work. */
function aboutSections(
  { record, personById }: DisclosureSources,
  mark: (text: string | null | undefined) => Marked,
): DisclosureSection[] {
  const { child } = record;
  return [
    {
      kind: 'table',
      heading: 'About the child',
      head: ['', ''],
      rows: [
        [plain('Name'), plain(`${child.given_name} ${child.family_name}`)],
        [plain('Date of birth'), plain(child.date_of_birth ? ukDate(child.date_of_birth) : 'Not recorded')],
        [plain('Council’s ID'), plain(child.local_id)],
        ...record.child_addresses.map((address) => [
          plain(
            `Address from ${ukDate(address.from_date)}${address.to_date ? ` to ${ukDate(address.to_date)}` : ''}`,
          ),
          plain([address.line1, address.line2, address.town, address.postcode].filter(Boolean).join(', ')),
        ]),
      ],
      none: '',
    },
    {
      kind: 'table',
      heading: 'Family and network',
      head: ['Name', 'Relationship', 'Organisation', 'Telephone'],
      rows: record.child_relationships.flatMap((relationship) => {
        const person = personById.get(relationship.person_id);
        if (!person) return [];
        return [
          [
            theirs(`${person.given_name} ${person.family_name}`, person.id),
            plain(relationship.relationship.replaceAll('-', ' ')),
            plain(person.organisation),
            theirs(person.phone, person.id),
          ],
        ];
      }),
      none: 'No one is recorded.',
    },
    {
      kind: 'table',
      heading: 'Contacts and referrals',
      head: ['Received', 'Reason', 'Decision'],
      rows: [...record.contacts]
        .sort((a, b) => Number(a.received_at) - Number(b.received_at))
        .map((contact) => [
          plain(ukDate(new Date(contact.received_at).toISOString().slice(0, 10))),
          mark(contact.reason),
          plain(contact.decision.replaceAll('-', ' ')),
        ]),
      none: 'No contact is recorded.',
    },
    {
      kind: 'table',
      heading: 'Plans',
      head: ['Plan', 'Started', 'Ended'],
      rows: [
        ...record.cin_plans.map((plan) => ['Child in need plan', plan.start_date, plan.end_date] as const),
        ...record.cp_plans.map((plan) => ['Child protection plan', plan.start_date, plan.end_date] as const),
        ...record.care_periods.map(
          (period) => ['Period of care', period.start_date, period.end_date] as const,
        ),
        ...record.pathway_plans.map((plan) => ['Pathway plan', plan.started_on, plan.ended_on] as const),
      ]
        .sort((a, b) => a[1].localeCompare(b[1]))
        .map(([plan, from, to]) => [plain(plan), plain(ukDate(from)), plain(to ? ukDate(to) : 'Current')]),
      none: 'No plan is recorded.',
    },
  ];
}

/** What was written: the case notes, the chronology, and the documents (Hearth holds none). */
function writtenSections(
  { notes, otherChildren, chronology }: DisclosureSources,
  mark: (text: string | null | undefined) => Marked,
): DisclosureSection[] {
  return [
    {
      kind: 'notes',
      heading: 'Case notes',
      notes: [...notes].reverse().map((note) => ({
        title: mark(note.title),
        about: `${ukDate(note.occurred_on)} · written by ${note.writer_given_name} ${note.writer_family_name}`,
        paragraphs: [
          ...note.body.split(/\n\s*\n/).map(mark),
          ...(note.correction_reason
            ? [mark(`This corrects an earlier note: ${note.correction_reason}`)]
            : []),
          ...(note.significance ? [mark(`Why it matters: ${note.significance}`)] : []),
        ],
        otherChildren: otherChildren
          .filter((other) => other.note_id === note.id)
          .map((other) => theirs(`${other.given_name} ${other.family_name}`, other.id)),
      })),
      none: 'No case note is recorded.',
    },
    {
      kind: 'table',
      heading: 'Chronology',
      head: ['Date', 'What happened', 'Detail'],
      rows: chronology.map((entry) => [
        plain(ukDate(entry.on)),
        mark(entry.title),
        mark([entry.detail, entry.text].filter(Boolean).join(' — ')),
      ]),
      none: 'Nothing is recorded.',
    },
    {
      kind: 'table',
      heading: 'Documents',
      head: ['Document'],
      rows: [],
      none: 'Hearth holds no documents for this child: letters and reports kept elsewhere are disclosed with this record.',
    },
  ];
}

/**
 * Reads the record of one child as it stands today and marks in it each third party's information: the people of
 * the family and network (names, and the telephone numbers of professionals among them), and other children named
 * on the case notes. Within the caller's transaction; the caller asks the gatekeeper and audits.
 */
async function disclosureOf(
  trx: Kysely<Tables>,
  councilId: string,
  childId: string,
  today: string,
): Promise<SubjectAccessRecord> {
  const record = (await readRecords(trx, councilId, { childIds: [childId] }, { asAt: today })).get(childId)!;
  const { child } = record;
  const notes = await notesWithin(trx, councilId, childId);
  const [people, otherChildren, chronology, council] = await Promise.all([
    peopleByIds(
      trx,
      councilId,
      record.child_relationships.map((relationship) => relationship.person_id),
    ),
    otherChildrenOnNotes(
      trx,
      councilId,
      childId,
      notes.map((note) => note.id),
    ),
    chronologyOf(trx, councilId, record, { kinds: [], order: 'oldest' }),
    councilName(trx, councilId),
  ]);
  const personById = new Map(people.map((person) => [person.id, person]));
  const sources = { record, notes, personById, otherChildren, chronology };
  const parties = thirdPartiesOf(sources);
  const mark = (text: string | null | undefined): Marked => (text ? markThirdParties(text, parties) : []);

  const sections = sectionsOf(sources, mark);
  const counts = appearances(sections.flatMap(sectionTexts));
  return {
    childId,
    localId: child.local_id,
    name: `${child.given_name} ${child.family_name}`,
    council: council.name,
    today,
    thirdParties: parties.map((party) => ({ ...party, appears: counts.get(party.key) ?? 0 })),
    sections,
  };
}

function sectionTexts(section: DisclosureSection): Marked[] {
  return section.kind === 'table'
    ? section.rows.flat()
    : section.notes.flatMap((note) => [note.title, ...note.paragraphs, ...note.otherChildren]);
}

/** The officer's search: the child's id in Hearth from the council's own id, or NotFound (audited). */
export async function findChildForSubjectAccess(db: Database, actor: Actor, localId: string) {
  const child = await childForSubjectAccess(db, actor.councilId, localId.trim(), actor);
  if (!child) throw new NotFound('No child the council holds has this ID');
  return child;
}

/**
 * The record for the officer to review before disclosure (issue 22 part 8), audited as a read of the record.
 * Only information governance (`records:subject-access`) reaches it; a restricted child stays hidden from an
 * officer not on its list, as everywhere.
 */
export async function reviewSubjectAccess(db: Database, actor: Actor, childId: string) {
  return withAuditedRead(db, actor, async (trx, audit) => {
    const found = await childForSubjectAccess(trx, actor.councilId, childId, actor);
    if (!found) throw new NotFound();
    const disclosure = await disclosureOf(trx, actor.councilId, found.id, actor.today);
    audit({ action: 'subject-access.viewed', childId: found.id });
    return disclosure;
  });
}

export type DisclosureFormat = 'html' | 'pdf';

/**
 * The record as disclosed, with the third parties chosen for redaction: read and audited (`subject-access.exported`,
 * naming the format and who was redacted and who was not) in one step, by the officer or by the command line.
 */
export async function exportSubjectAccess(
  db: Database,
  source: AuditSource & { today: string },
  childId: string,
  choose: (record: SubjectAccessRecord) => ReadonlySet<string>,
  format: DisclosureFormat,
  actor?: Actor,
): Promise<{ record: SubjectAccessRecord; redacted: ReadonlySet<string> }> {
  const inOneTransaction = <T>(work: (trx: Kysely<Tables>) => Promise<T>) =>
    actor ? withTransaction(db, actor, work) : db.transaction().execute(work);
  return inOneTransaction(async (trx) => {
    const found = await childForSubjectAccess(trx, source.councilId, childId, actor);
    if (!found) throw new NotFound();
    const record = await disclosureOf(trx, source.councilId, found.id, source.today);
    const redacted = choose(record);
    const keys = record.thirdParties.map((party) => party.key);
    await appendAudit(trx, source, {
      action: 'subject-access.exported',
      childId: found.id,
      details: {
        format,
        redacted: keys.filter((key) => redacted.has(key)),
        disclosed: keys.filter((key) => !redacted.has(key)),
      },
    });
    return { record, redacted };
  });
}

/** The audit source of an officer's export. */
export function exportSource(actor: Actor) {
  return { ...auditSource(actor), today: actor.today };
}
