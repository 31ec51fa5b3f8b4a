import { describe, expect, it } from 'vitest';
import { aTeamWithAnAllocatedChild, anAssessment, anOpenEpisode } from '../../../test/support/journey.ts';
import { dateBoxes, signedInAs, testServer } from '../../../test/support/world.ts';

/** The error summary's items as the person reads them. */
function problemsOn(body: string) {
  const summary = /<ul class="govuk-list govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(body)?.[1] ?? '';
  return [...summary.matchAll(/<a href="#([^"]+)">([\s\S]*?)<\/a>/g)].map((match) => ({
    field: match[1]!,
    message: match[2]!.trim(),
  }));
}

describe('management oversight of an assessment (issue 17, part 6)', async () => {
  const { app, db } = await testServer();

  it('shows the manager the assessment in words, and returns it to the worker with reasons', async () => {
    const { worker, manager, child } = await aTeamWithAnAllocatedChild(db);
    const episodeId = await anOpenEpisode(db, child, worker, { referralDate: '2025-06-02' });
    const assessmentId = await anAssessment(db, child, worker, episodeId, { outcome: null });
    await db
      .updateTable('assessments')
      .set({
        summary: 'Seen at home.',
        analysis: 'Risk is low while mother engages.',
        childs_voice: 'I like my school.',
      })
      .where('id', '=', assessmentId)
      .execute();
    await db
      .insertInto('assessment_factors')
      .values({ council_id: worker.council.id, assessment_id: assessmentId, code: '3A' })
      .execute();
    const url = `/children/${child.id}/assessments/${assessmentId}/authorise`;
    const managerBrowser = await signedInAs(app, manager);
    const page = await managerBrowser.get(url);
    expect(page.statusCode).toBe(200);
    for (const words of [
      'Risk is low while mother engages.',
      'I like my school.',
      'Domestic abuse/violence: concern that the child is a victim',
    ])
      expect(page.body).toContain(words);
    expect(page.body).not.toContain('value="" >Not yet known');

    // Not yet known cannot be authorised; nothing is written.
    const refused = await managerBrowser.post(url, {
      version: '1',
      decision: 'authorise',
      oversightNote: 'Good work',
      outcome: '',
      ...dateBoxes('decidedOn', '2025-07-01'),
    });
    expect(refused.statusCode).toBe(400);
    expect(problemsOn(refused.body)).toEqual([
      {
        field: 'outcome',
        message: 'Select the outcome of the assessment: an assessment cannot be authorised as not yet known',
      },
    ]);
    expect(refused.body).toContain('Good work');
    const unchanged = await db
      .selectFrom('assessments')
      .select(['version', 'authorised_on'])
      .where('id', '=', assessmentId)
      .executeTakeFirstOrThrow();
    expect(unchanged).toEqual({ version: 1, authorised_on: null });

    const noReasons = await managerBrowser.post(url, {
      version: '1',
      decision: 'return',
      oversightNote: 'Needs more',
      returnReasons: '',
    });
    expect(problemsOn(noReasons.body)).toEqual([
      { field: 'returnReasons', message: 'Enter the reasons for returning the assessment to the worker' },
    ]);

    const returned = await managerBrowser.post(url, {
      version: '1',
      decision: 'return',
      oversightNote: 'The analysis does not weigh the father’s part.',
      returnReasons: 'Speak to the father and add his view.',
    });
    expect(returned.statusCode).toBe(303);
    expect(returned.headers.location).toBe(`/children/${child.id}/journey`);
    const row = await db
      .selectFrom('assessments')
      .selectAll()
      .where('id', '=', assessmentId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      authorised_on: null,
      returned_by: manager.workerId,
      return_reasons: 'Speak to the father and add his view.',
      oversight_note: 'The analysis does not weigh the father’s part.',
    });
    // The oversight note is a management oversight case note, which the chronology shows.
    const notes = await db
      .selectFrom('case_notes as n')
      .innerJoin('case_note_children as c', 'c.note_id', 'n.id')
      .select(['n.kind', 'n.title', 'n.body'])
      .where('c.child_id', '=', child.id)
      .execute();
    expect(notes).toEqual([
      {
        kind: 'management-oversight',
        title: 'Assessment returned to the worker',
        body: 'The analysis does not weigh the father’s part.\n\nReasons for returning it: Speak to the father and add his view.',
      },
    ]);
    const workerBrowser = await signedInAs(app, worker);
    const chronology = await workerBrowser.get(`/children/${child.id}/chronology`);
    expect(chronology.body).toContain('Assessment returned to the worker');

    // It is on the worker's home page as returned, and they revise it and send it back.
    const home = await workerBrowser.get('/home');
    expect(home.body).toContain('Assessments returned to you (1)');
    expect(home.body).toContain('Speak to the father and add his view.');
    const resend = `/children/${child.id}/assessments/${assessmentId}/resend`;
    await workerBrowser.get(resend);
    const sent = await workerBrowser.post(resend, {
      version: '2',
      summary: 'Seen at home; father seen too.',
      analysis: 'Father supports the plan.',
      childsVoice: 'I like my school.',
      outcome: 'no-further-action',
    });
    expect(sent.statusCode).toBe(303);
    expect((await workerBrowser.get('/home')).body).not.toContain('Assessments returned to you');

    // Authorised, the outcome starts what it implies: no further action asks for the episode's closure.
    await managerBrowser.get(url);
    const authorised = await managerBrowser.post(url, {
      version: '3',
      decision: 'authorise',
      oversightNote: 'Now complete.',
      outcome: 'no-further-action',
      ...dateBoxes('decidedOn', '2025-07-10'),
    });
    expect(authorised.statusCode).toBe(303);
    expect(authorised.headers.location).toBe(`/children/${child.id}/episodes/${episodeId}/close`);
    const done = await db
      .selectFrom('assessments')
      .select(['authorised_on', 'outcome', 'returned_on'])
      .where('id', '=', assessmentId)
      .executeTakeFirstOrThrow();
    expect(done).toEqual({ authorised_on: '2025-07-10', outcome: 'no-further-action', returned_on: null });
  });
});
