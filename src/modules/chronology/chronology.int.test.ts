import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import {
  aCaseNote,
  aCorrectedReferralDate,
  aTeamWithAnAllocatedChild,
  anAssessment,
  anOpenEpisode,
} from '../../../test/support/journey.ts';
import { signedInAs, testServer, type TestBrowser } from '../../../test/support/world.ts';

interface Entry {
  on: string;
  kind: string;
  title: string;
  detail: string | null;
  text: string | null;
  author: string | null;
  significance: string | null;
  corrected: string | null;
  correction: string | null;
}

async function chronologyOf(browser: TestBrowser, childId: string, query = '') {
  const response = await browser.get(`/api/children/${childId}/chronology${query}`);
  expect(response.statusCode).toBe(200);
  return response.json() as Entry[];
}

describe('the chronology', async () => {
  let now = new Date('2026-12-07T10:15:00Z');
  const { app, db } = await testServer({ clock: () => now });

  it('lists every dated event newest first or oldest first, and filters by kind', async () => {
    now = new Date('2026-12-07T10:15:00Z');
    const { worker, child } = await aTeamWithAnAllocatedChild(db);
    const browser = await signedInAs(app, worker);
    await browser.request({
      method: 'POST',
      url: `/api/children/${child.id}/contacts`,
      json: {
        receivedOn: '2025-05-30',
        receivedTime: '23:30',
        source: '6',
        reason: 'Police',
        decision: 'referral',
        decidedOn: '2025-06-02',
      },
    });
    const episodeId = await anOpenEpisode(db, child, worker, { referralDate: '2025-06-02' });
    await anAssessment(db, child, worker, episodeId, { startDate: '2025-06-03' });
    await aCaseNote(db, worker, [child], { title: 'First home visit' });

    const newest = [
      '2025-06-03 assessment',
      '2025-06-03 note',
      '2025-06-02 referral',
      // 23:30 in London on 30 May is 22:30 UTC: the contact is dated by London's calendar.
      '2025-05-30 contact',
      '2020-01-01 allocation',
    ];
    const all = await chronologyOf(browser, child.id);
    expect(all.map((entry) => `${entry.on} ${entry.kind}`)).toEqual(newest);
    // Oldest first, entries of one day keep their order.
    const oldest = await chronologyOf(browser, child.id, '?order=oldest');
    expect(oldest.map((entry) => `${entry.on} ${entry.kind}`)).toEqual([
      '2020-01-01 allocation',
      '2025-05-30 contact',
      '2025-06-02 referral',
      '2025-06-03 assessment',
      '2025-06-03 note',
    ]);
    const notes = await chronologyOf(browser, child.id, '?kind=note&kind=referral&order=oldest');
    expect(notes.map((entry) => entry.kind)).toEqual(['referral', 'note']);

    const refused = await browser.get(`/api/children/${child.id}/chronology?order=sideways`);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('order');

    const page = await browser.get(`/children/${child.id}/chronology?kind=note&order=oldest`);
    expect(page.body).toContain('First home visit');
    expect(page.body).not.toContain('Assessment started');
    expect(page.body).toContain('value="oldest" checked');
    expect(page.body).toContain(`/children/${child.id}/chronology/print?kind=note&amp;order=oldest`);
  });

  it('shows what each entry says, who recorded it, and the note’s summary', async () => {
    now = new Date('2026-12-07T10:15:00Z');
    const { worker, child } = await aTeamWithAnAllocatedChild(db);
    const browser = await signedInAs(app, worker);
    const contact = await browser.request({
      method: 'POST',
      url: `/api/children/${child.id}/contacts`,
      json: {
        receivedOn: '2026-11-30',
        receivedTime: '09:00',
        source: '6',
        reason: 'The school saw bruising on his arm',
        decision: 'referral',
        decidedOn: '2026-11-30',
      },
    });
    expect(contact.statusCode).toBe(201);
    const longBody = `Saw Jay at home with his mother. ${'He showed me his room and his drawings. '.repeat(20)}`;
    const written = await browser.request({
      method: 'POST',
      url: `/api/children/${child.id}/notes`,
      json: {
        kind: 'visit',
        occurredOn: '2026-12-01',
        title: 'Home visit',
        body: longBody,
        significance: 'The first time Jay said he feels safe at home.',
      },
    });
    expect(written.statusCode).toBe(201);

    const [note, contactEntry] = await chronologyOf(
      browser,
      child.id,
      '?kind=note&kind=contact&order=oldest',
    ).then((entries) => [
      entries.find((e) => e.kind === 'note')!,
      entries.find((e) => e.kind === 'contact')!,
    ]);
    expect(note).toMatchObject({
      title: 'Home visit',
      detail: 'visit',
      author: 'Priya social-worker',
      significance: 'The first time Jay said he feels safe at home.',
    });
    expect(note!.text).toMatch(/^Saw Jay at home with his mother\. He showed me/);
    expect(note!.text!.length).toBeLessThan(310);
    expect(note!.text).toMatch(/…$/);
    expect(contactEntry).toMatchObject({
      title: 'Contact received from police (6)',
      detail: 'Decision: referral',
      text: 'The school saw bruising on his arm',
      author: 'Priya social-worker',
      significance: null,
    });
    const page = await browser.get(`/children/${child.id}/chronology`);
    expect(page.body).toContain(
      '<strong>Why it matters:</strong> The first time Jay said he feels safe at home.',
    );
  });

  it('marks a corrected note with who corrected it and when, and shows the correction beside it', async () => {
    now = new Date('2026-12-07T10:15:00Z');
    const { worker, manager, child } = await aTeamWithAnAllocatedChild(db);
    const originalId = await aCaseNote(db, worker, [child], { title: 'Home visit' });
    const managerBrowser = await signedInAs(app, manager);
    const correction = await managerBrowser.request({
      method: 'POST',
      url: `/api/children/${child.id}/notes`,
      json: {
        kind: 'visit',
        occurredOn: '2025-06-03',
        title: 'Home visit',
        body: 'Saw the child with his mother, not alone.',
        correctsNoteId: originalId,
        correctionReason: 'The child was not seen alone',
      },
    });
    expect(correction.statusCode).toBe(201);

    const browser = await signedInAs(app, worker);
    const entries = await chronologyOf(browser, child.id, '?kind=note');
    // The correction follows the note it corrects, whichever the order.
    expect(entries.map((entry) => [entry.title, entry.corrected, entry.correction])).toEqual([
      ['Home visit', 'Corrected on 7 December 2026 by Morgan team-manager.', null],
      [
        'Home visit',
        null,
        'A correction, written on 7 December 2026 by Morgan team-manager, of the note of 3 June 2025, “Home visit”. Reason: The child was not seen alone',
      ],
    ]);
    const page = await browser.get(`/children/${child.id}/chronology?kind=note`);
    expect(page.body).toContain('Corrected on 7 December 2026 by Morgan team-manager.');
    expect(page.body).toMatch(/govuk-tag--grey">Corrected</);
  });

  it('keeps a corrected record entry where it was, marked with who corrected it, when and why', async () => {
    now = new Date('2026-12-07T10:15:00Z');
    const { worker, manager, child } = await aTeamWithAnAllocatedChild(db);
    const episodeId = await anOpenEpisode(db, child, worker, { referralDate: '2025-06-02' });
    await aCorrectedReferralDate(db, episodeId, manager, {
      at: new Date('2026-05-10T09:30:00Z'),
      referralDate: '2025-06-03',
      reason: 'The referral came on 3 June',
    });

    const browser = await signedInAs(app, worker);
    const entries = await chronologyOf(browser, child.id, '?kind=referral');
    expect(entries.map((entry) => [entry.on, entry.author, entry.corrected, entry.correction])).toEqual([
      [
        '2025-06-03',
        'Morgan team-manager',
        null,
        'A correction, recorded on 10 May 2026 by Morgan team-manager, of the entry dated 2 June 2025. Reason: The referral came on 3 June',
      ],
      [
        '2025-06-02',
        'Priya social-worker',
        'Corrected on 10 May 2026 by Morgan team-manager. Reason: The referral came on 3 June',
        null,
      ],
    ]);
  });

  it('prints with the child’s name on every page, who printed it and when, and audits the print', async () => {
    now = new Date('2026-12-07T10:15:00Z');
    const { worker, child, council } = await aTeamWithAnAllocatedChild(db, {
      givenName: 'Jay',
      familyName: 'Okafor',
    });
    await aCaseNote(db, worker, [child], { title: 'First home visit' });
    const browser = await signedInAs(app, worker);
    const printable = await browser.get(`/children/${child.id}/chronology/print?kind=note`);
    expect(printable.statusCode).toBe(200);
    expect(printable.body).not.toContain('Show only');
    expect(printable.body).toContain('First home visit');
    expect(printable.body).toContain('Chronology of Jay Okafor');
    // The table's head and foot repeat on each printed page: the name in one, who printed it in the other.
    expect(printable.body).toMatch(
      /<thead[^>]*>\s*<tr class="govuk-table__row hearth-print-only"><td[^>]*>Chronology of Jay Okafor/,
    );
    expect(printable.body).toMatch(/<tfoot>.*Printed by Priya social-worker on 7 December 2026 at 10:15/s);
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'worker_id'])
      .where('council_id', '=', council.id)
      .where('child_id', '=', child.id)
      .where('action', 'like', 'chronology.%')
      .execute();
    expect(audit).toEqual([{ action: 'chronology.printed', worker_id: worker.workerId }]);
  });

  it('shows a long chronology 100 events a page, keeping the filter and order, and prints it whole', async () => {
    now = new Date('2026-12-07T10:15:00Z');
    const { worker, child } = await aTeamWithAnAllocatedChild(db);
    for (let n = 1; n <= 120; n += 1)
      await aCaseNote(db, worker, [child], { title: `Note number ${String(n).padStart(3, '0')}` });
    const browser = await signedInAs(app, worker);
    const first = await browser.get(`/children/${child.id}/chronology?kind=note&order=oldest`);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('Showing 1 to 100 of 120 events');
    expect(first.body).toContain('Note number 001');
    expect(first.body).not.toContain('Note number 101');
    expect(first.body).toContain(`/children/${child.id}/chronology?kind=note&amp;order=oldest&amp;page=2`);
    const second = await browser.get(`/children/${child.id}/chronology?kind=note&order=oldest&page=2`);
    expect(second.body).toContain('Showing 101 to 120 of 120 events');
    expect(second.body).toContain('Note number 120');
    expect(second.body).not.toContain('Note number 100<');
    const printable = await browser.get(`/children/${child.id}/chronology/print?kind=note`);
    expect(printable.body).toContain('Note number 001');
    expect(printable.body).toContain('Note number 120');
    const refused = await browser.get(`/children/${child.id}/chronology?page=0`);
    expect(refused.statusCode).toBe(400);
  });

  it('names the past return a fact came from, and what the import changed, through the reader the page uses', async () => {
    now = new Date('2026-12-07T10:15:00Z');
    const { worker, child, council } = await aTeamWithAnAllocatedChild(db);
    const episodeId = await anOpenEpisode(db, child, worker, { referralDate: '2023-06-02' });
    const importId = uuidv7();
    await db
      .insertInto('record_imports')
      .values({
        council_id: council.id,
        id: importId,
        kind: 'cin',
        files: JSON.stringify(['cin-2023-24.xml']),
        imported_by: 'the command line',
        imported_at: now,
        counts: JSON.stringify({}),
        problems: JSON.stringify([]),
        fixes: JSON.stringify([]),
      })
      .execute();
    await db
      .insertInto('imported_facts')
      .values({
        council_id: council.id,
        fact_table: 'episodes',
        fact_id: episodeId,
        import_id: importId,
        source_file: 'cin-2023-24.xml',
        source_row: 7,
        fix: 'duplicate kept once',
      })
      .execute();
    const referral = (await chronologyOf(await signedInAs(app, worker), child.id, '?kind=referral')).find(
      (entry) => entry.on === '2023-06-02',
    );
    expect(referral).toMatchObject({
      author: 'Imported from cin-2023-24.xml, row 7',
      correction: 'Changed on import: duplicate kept once',
    });
  });
});
