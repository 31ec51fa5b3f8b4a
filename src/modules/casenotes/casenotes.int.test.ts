import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { aCaseNote, aTeamWithAnAllocatedChild } from '../../../test/support/journey.ts';
import {
  allocate,
  newChild,
  newWorker,
  signedInAs,
  testPassword,
  testServer,
} from '../../../test/support/world.ts';

const note = {
  kind: 'visit',
  'occurredOn-day': '3',
  'occurredOn-month': '6',
  'occurredOn-year': '2025',
  title: 'Home visit',
  body: 'Saw Alex alone in his bedroom.\nHe showed me his drawings.',
};

async function notesOf(db: Awaited<ReturnType<typeof testServer>>['db'], childId: string) {
  return db
    .selectFrom('case_note_children as l')
    .innerJoin('case_notes as n', (join) =>
      join.onRef('n.council_id', '=', 'l.council_id').onRef('n.id', '=', 'l.note_id'),
    )
    .selectAll('n')
    .where('l.child_id', '=', childId)
    .orderBy('n.written_at')
    .execute();
}

describe('case notes', async () => {
  const { app, db } = await testServer();

  it('writes a note and corrects it: the original stays readable, marked corrected, with a link', async () => {
    const { worker, child } = await aTeamWithAnAllocatedChild(db);
    const browser = await signedInAs(app, worker);
    await browser.get(`/children/${child.id}/notes/new`);
    expect((await browser.post(`/children/${child.id}/notes/new`, note)).statusCode).toBe(303);
    const [original] = await notesOf(db, child.id);

    const form = await browser.get(`/children/${child.id}/notes/new?corrects=${original!.id}`);
    expect(form.body).toContain('Correct a case note');
    expect(form.body).toContain('Saw Alex alone');
    const corrected = await browser.post(`/children/${child.id}/notes/new`, {
      ...note,
      body: 'Saw Alex alone in the living room.',
      correctsNoteId: original!.id,
      correctionReason: 'I wrote the wrong room',
    });
    expect(corrected.statusCode).toBe(303);
    const notes = await notesOf(db, child.id);
    expect(notes).toHaveLength(2);
    expect(notes[0]!.body).toContain('his bedroom');
    expect(notes[1]).toMatchObject({
      corrects_note_id: original!.id,
      correction_reason: 'I wrote the wrong room',
    });

    const list = await browser.get(`/children/${child.id}/notes`);
    expect(list.body).toMatch(/Corrected on \d+ \w+ \d{4} by Priya social-worker/);
    expect(list.body).toContain(`/children/${child.id}/notes/${notes[1]!.id}`);
    expect(list.body).toContain('his bedroom');
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('child_id', '=', child.id)
      .execute();
    expect(audit.map((row) => row.action)).toEqual(
      expect.arrayContaining(['casenote.recorded', 'casenote.corrected']),
    );
  });

  it('refuses a raw SQL UPDATE or DELETE of a case note, and a correction without a reason', async () => {
    const { worker, child } = await aTeamWithAnAllocatedChild(db);
    const browser = await signedInAs(app, worker);
    await browser.get(`/children/${child.id}/notes/new`);
    await browser.post(`/children/${child.id}/notes/new`, note);
    const [original] = await notesOf(db, child.id);
    await expect(
      sql`update case_notes set body = 'changed' where id = ${original!.id}`.execute(db),
    ).rejects.toThrow(/never changed/);
    await expect(sql`delete from case_notes where id = ${original!.id}`.execute(db)).rejects.toThrow(
      /never changed/,
    );
    await expect(
      sql`delete from case_note_children where note_id = ${original!.id}`.execute(db),
    ).rejects.toThrow(/never changed/);
    await expect(
      sql`insert into case_notes (council_id, id, kind, occurred_on, title, body, written_by, written_at, corrects_note_id)
        values (${worker.council.id}, gen_random_uuid(), 'visit', '2025-06-03', 't', 'b', ${worker.workerId}, now(), ${original!.id})`.execute(
        db,
      ),
    ).rejects.toThrow(/check constraint/);
    expect((await notesOf(db, child.id))[0]!.body).toBe(original!.body);
  });

  it('refuses a note dated in the future, keeping what was typed and writing nothing', async () => {
    const { worker, child } = await aTeamWithAnAllocatedChild(db);
    const browser = await signedInAs(app, worker);
    await browser.get(`/children/${child.id}/notes/new`);
    const response = await browser.post(`/children/${child.id}/notes/new`, {
      ...note,
      'occurredOn-year': '2099',
      title: '',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('href="#occurredOn"');
    expect(response.body).toContain('The date it happened must be today or in the past');
    expect(response.body).toContain('href="#title"');
    expect(response.body).toContain('He showed me his drawings.');
    expect(await notesOf(db, child.id)).toHaveLength(0);
  });

  it('saves a draft as one types and offers it again; saving the note removes it', async () => {
    const { worker, child } = await aTeamWithAnAllocatedChild(db);
    const browser = await signedInAs(app, worker);
    await browser.get(`/children/${child.id}/notes/new`);
    const saved = await browser.post(`/children/${child.id}/notes/draft`, {
      ...note,
      body: 'Half a thought about the visit',
    });
    expect(saved.statusCode).toBe(204);
    const again = await browser.get(`/children/${child.id}/notes/new`);
    expect(again.body).toContain('Half a thought about the visit');
    expect(again.body).toContain('Draft saved.');
    // Without JavaScript, the Save as draft button does the same.
    const noScript = await browser.post(`/children/${child.id}/notes/new`, {
      ...note,
      body: 'Second thought',
      intent: 'draft',
    });
    expect(noScript.statusCode).toBe(200);
    expect((await browser.get(`/children/${child.id}/notes/new`)).body).toContain('Second thought');
    expect(await notesOf(db, child.id)).toHaveLength(0);
    await browser.post(`/children/${child.id}/notes/new`, note);
    const drafts = await db
      .selectFrom('case_note_drafts')
      .selectAll()
      .where('child_id', '=', child.id)
      .execute();
    expect(drafts).toHaveLength(0);
  });

  it('puts one note about siblings on each child’s record, naming the others only to those who may see them', async () => {
    const { council, worker, child } = await aTeamWithAnAllocatedChild(db);
    const sibling = await newChild(db, council, { givenName: 'Jo', familyName: 'Taylor' });
    await allocate(db, sibling, worker);
    const browser = await signedInAs(app, worker);
    await browser.get(`/children/${child.id}/notes/new`);
    expect(
      (await browser.post(`/children/${child.id}/notes/new`, { ...note, alsoAbout: sibling.localId }))
        .statusCode,
    ).toBe(303);
    expect(await notesOf(db, sibling.id)).toHaveLength(1);
    expect((await browser.get(`/children/${sibling.id}/notes`)).body).toContain('Home visit');

    // A colleague who holds only the sibling reads the note on the sibling's record; the first child stays unnamed.
    const colleague = await newWorker(db, council, 'social-worker', { givenName: 'Kit' });
    await allocate(db, sibling, colleague);
    const theirs = await (await signedInAs(app, colleague)).get(`/children/${sibling.id}/notes`);
    expect(theirs.body).toContain('Home visit');
    expect(theirs.body).not.toContain(`/children/${child.id}`);
  });

  it('refuses a note about a child the writer cannot write to', async () => {
    const { council, worker, child } = await aTeamWithAnAllocatedChild(db);
    const stranger = await newChild(db, council, { givenName: 'Sam' });
    const browser = await signedInAs(app, worker);
    await browser.get(`/children/${child.id}/notes/new`);
    const response = await browser.request({
      method: 'POST',
      url: `/api/children/${child.id}/notes`,
      json: {
        kind: 'visit',
        occurredOn: '2025-06-03',
        title: 'Visit',
        body: 'Body',
        alsoAbout: [stranger.localId],
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('alsoAbout');
    expect(await notesOf(db, child.id)).toHaveLength(0);
  });
});

describe('a case note typed when the session ends', async () => {
  let now = new Date('2025-06-03T09:00:00Z');
  const { app, db } = await testServer({ clock: () => now });

  it('is kept through signing in again and offered back, correction and all', async () => {
    const { worker, child } = await aTeamWithAnAllocatedChild(db);
    const original = await aCaseNote(db, worker, [child]);
    const browser = await signedInAs(app, worker);
    await browser.get(`/children/${child.id}/notes/new?corrects=${original}`);
    now = new Date('2025-06-03T10:00:00Z');
    const expired = await browser.post(`/children/${child.id}/notes/new`, {
      ...note,
      body: 'An hour of careful writing',
      correctsNoteId: original,
      correctionReason: 'Wrong room',
    });
    expect(expired.statusCode).toBe(303);
    const signIn = String(expired.headers.location);
    expect(signIn).toMatch(/^\/sign-in\?returnTo=.*stash=/);
    const stash = new URL(signIn, 'http://hearth').searchParams.get('stash')!;
    await browser.get(signIn);
    const back = await browser.post('/sign-in', {
      email: worker.email,
      password: testPassword,
      returnTo: `/children/${child.id}/notes/new`,
      stash,
    });
    const page = await browser.get(String(back.headers.location));
    expect(page.body).toContain('Your session ended before you saved');
    expect(page.body).toContain('An hour of careful writing');
    expect(page.body).toContain('Correct a case note');
    expect(await notesOf(db, child.id)).toHaveLength(1);
  });
});
