import { describe, expect, it } from 'vitest';
import { aTeamWithAnAllocatedChild, type CaseworkTeam } from '../../../test/support/journey.ts';
import { signedInAs, testServer, type TestBrowser } from '../../../test/support/world.ts';
import { workerObligations } from '../timescales/service.ts';
import { obligationWords } from '../timescales/views/timescale-view-models.ts';

/**
 * Issue 16: every place that says what is due for a child, and what the child's status is, gives the same answer
 * at every step of the journey. One child is walked from contact to the end of a period of care through the API as
 * their social worker, with the clock moved on between steps; at each step My caseload, the child's page and
 * timescales, the home reminders, `hearth due`, and the team view with its drill-down are read and compared.
 *
 * An open obligation is written "kind YYYY-MM-DD", with " overdue" when today is past its date.
 */

const kindOfWords = new Map(Object.entries(obligationWords).map(([kind, words]) => [words, kind]));
const months = [
  ...['January', 'February', 'March', 'April', 'May', 'June'],
  ...['July', 'August', 'September', 'October', 'November', 'December'],
];

/** "4 August 2025" as 2025-08-04. */
function isoDay(words: string): string {
  const [day, month, year] = words.split(' ');
  const monthNumber = months.indexOf(month!) + 1;
  return `${year}-${String(monthNumber).padStart(2, '0')}-${day!.padStart(2, '0')}`;
}

const line = (kind: string, dueBy: string, overdue: boolean) =>
  `${kind} ${dueBy}${overdue ? ' overdue' : ''}`;
const byDate = (a: string, b: string) =>
  a.split(' ')[1]!.localeCompare(b.split(' ')[1]!) || a.localeCompare(b);
const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The entries of one list of the home page's reminders, as the worker reads them. */
function reminderList(home: string, heading: string, overdue: boolean): string[] {
  const list = new RegExp(`>${heading} \\(\\d+\\)</h3>\\s*<ul class="govuk-list">([\\s\\S]*?)</ul>`).exec(
    home,
  );
  return [...(list?.[1] ?? '').matchAll(/<li><a [^>]*>[^<]*<\/a>: ([^<]*), due ([^<]*)<\/li>/g)].map(
    ([, words, due]) => line(kindOfWords.get(words!) ?? words!, isoDay(due!), overdue),
  );
}

/** The worker's row of the team view: [due in the next 7 days, overdue], as the manager reads them. */
function teamFigures(page: string, workerName: string) {
  const row = page.split('<tr').find((cells) => cells.includes(`>${workerName}</th>`));
  const numbers = [...(row ?? '').matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map(([, cell]) =>
    cell!.replace(/<span class="govuk-visually-hidden">[\s\S]*?<\/span>/g, '').replace(/<[^>]+>/g, ''),
  );
  return { dueInTheNext7Days: Number(numbers[0] ?? 0), overdue: Number(numbers[1] ?? 0) };
}

/** How many pieces of work the drill-down behind a figure of the team says it counts. */
async function drillDownCount(manager: TestBrowser, measure: string, teamId: string) {
  const page = await manager.get(`/timescales/children?measure=${measure}&teamId=${teamId}`);
  return Number(/This figure counts (\d+) piece/.exec(page.body)![1]);
}

describe('one child walked from contact to the end of care: every page agrees on what is due (issue 16)', async () => {
  let now = new Date('2025-06-02T12:00:00Z');
  // Sessions lapse as the clock moves on, so the walk signs in afresh at every step: more often than a minute allows.
  const { app, db } = await testServer({ clock: () => now, config: { signInsPerMinute: 100 } });
  let casework: CaseworkTeam;
  let worker: TestBrowser;
  let manager: TestBrowser;

  /** Moves the clock to noon on `day` and signs the worker and their manager in again. */
  async function on(day: string) {
    now = new Date(`${day}T12:00:00Z`);
    worker = await signedInAs(app, casework.worker);
    manager = await signedInAs(app, casework.manager);
  }

  async function record(path: string, json: Record<string, unknown>, as = worker) {
    const response = await as.request({
      method: 'POST',
      url: `/api/children/${casework.child.id}/${path}`,
      json,
    });
    expect(response.statusCode, `${path}: ${response.body}`).toBeLessThan(300);
    return response.json();
  }

  /** What each page says today about the child's open obligations and status, in one comparable shape. */
  async function whatThePagesSay(today: string) {
    const { child, team } = casework;
    const caseload = (
      (await worker.get('/api/caseload')).json() as Array<{
        id: string;
        nextDue: { kind: string; dueBy: string; overdue: boolean } | null;
        status: { description: string };
      }>
    ).find((row) => row.id === child.id)!;
    const obligations = (await worker.get(`/api/children/${child.id}/obligations`)).json() as Array<{
      kind: string;
      dueBy: string;
      status: string;
    }>;
    const due = await workerObligations(db, casework.council.id, casework.worker.workerId, today);
    const home = (await worker.get('/home')).body;
    const teamView = teamFigures(
      (await manager.get(`/timescales/teams/${team.id}`)).body,
      'Priya social-worker',
    );
    return {
      caseloadNextDue: caseload.nextDue
        ? line(caseload.nextDue.kind, caseload.nextDue.dueBy, caseload.nextDue.overdue)
        : null,
      caseloadStatus: caseload.status.description,
      childPageStatus: (await worker.get(`/api/children/${child.id}`)).json().status.description as string,
      timescales: obligations
        .filter((obligation) => obligation.status === 'due' || obligation.status === 'overdue')
        .map((obligation) => line(obligation.kind, obligation.dueBy, obligation.status === 'overdue'))
        .sort(byDate),
      hearthDue: due
        .filter(({ obligation }) => obligation.status === 'due' || obligation.status === 'overdue')
        .map(({ obligation }) =>
          line(obligation.kind, obligation.dueBy.toString(), obligation.status === 'overdue'),
        )
        .sort(byDate),
      reminders: [
        ...reminderList(home, 'Overdue', true).sort(byDate),
        ...reminderList(home, 'Due in the next 7 days', false).sort(byDate),
      ],
      teamView,
      drillDown: {
        dueInTheNext7Days: await drillDownCount(manager, 'due-this-week', team.id),
        overdue: await drillDownCount(manager, 'overdue', team.id),
      },
    };
  }

  /**
   * Every source says the child owes exactly `open` (soonest first) and has `status`: the reminders and the team's
   * figures the part of it overdue or due within 7 days, My caseload the soonest of it.
   */
  async function expectEveryPageToSay(today: string, open: string[], status: string) {
    const soon = open.filter((entry) => entry.split(' ')[1]! < addDays(today, 7));
    const overdue = soon.filter((entry) => entry.endsWith(' overdue'));
    const figures = { dueInTheNext7Days: soon.length - overdue.length, overdue: overdue.length };
    const { caseloadNextDue, ...pages } = await whatThePagesSay(today);
    expect(pages).toEqual({
      caseloadStatus: status,
      childPageStatus: status,
      timescales: open,
      hearthDue: open,
      reminders: [...overdue, ...soon.filter((entry) => !entry.endsWith(' overdue'))],
      teamView: figures,
      drillDown: figures,
    });
    // My caseload shows the soonest open obligation (any one of those due that day), or none.
    const soonest = open.filter((entry) => entry.split(' ')[1] === open[0]?.split(' ')[1]);
    if (open.length) expect(soonest).toContain(caseloadNextDue);
    else expect(caseloadNextDue).toBeNull();
  }

  it('agrees at every step', async () => {
    casework = await aTeamWithAnAllocatedChild(db, { dateOfBirth: '2016-05-10' });

    // Monday 2 June 2025: a contact from the police, decided the same day as a referral.
    await on('2025-06-02');
    const contact = await record('contacts', {
      receivedOn: '2025-06-02',
      receivedTime: '09:30',
      source: '6',
      reason: 'Police attended a domestic incident at the home',
      decision: 'referral',
      decidedOn: '2025-06-02',
    });
    await expectEveryPageToSay('2025-06-02', [], 'Contact received on 2 June 2025');
    const episode = await record('referrals', {
      referralDate: '2025-06-02',
      source: '6',
      primaryNeed: 'N1',
      contactId: contact.id,
    });
    // 45 working days from Monday 2 June 2025, no bank holiday between: Monday 4 August 2025.
    await expectEveryPageToSay('2025-06-02', ['assessment 2025-08-04'], 'Referral since 2 June 2025');

    // Tuesday 29 July: the assessment is recorded; it is due within the week until a manager authorises it.
    await on('2025-07-29');
    const assessment = await record(`episodes/${episode.id}/assessments`, {
      startDate: '2025-06-03',
      factors: ['3A'],
      outcome: 'child-in-need-plan',
    });
    await expectEveryPageToSay('2025-07-29', ['assessment 2025-08-04'], 'Assessment since 3 June 2025');

    // Tuesday 5 August: a day past its date, the assessment is overdue everywhere until it is authorised.
    await on('2025-08-05');
    await expectEveryPageToSay(
      '2025-08-05',
      ['assessment 2025-08-04 overdue'],
      'Assessment since 3 June 2025',
    );
    await record(
      `assessments/${assessment.id}/authorisation`,
      { authorisedOn: '2025-08-05', outcome: 'child-in-need-plan', version: 1 },
      manager,
    );
    await expectEveryPageToSay('2025-08-05', [], 'Child in need since 5 August 2025');

    // Monday 11 August: a child in need plan. A visit within 20 working days (Summer bank holiday on 25 August
    // not counted): Tuesday 9 September; the plan's review within 3 months: Tuesday 11 November.
    await on('2025-08-11');
    await record('cin-plans', { startDate: '2025-08-11' });
    const review = 'child-in-need-plan-review 2025-11-11';
    await expectEveryPageToSay(
      '2025-08-11',
      ['child-in-need-visit 2025-09-09', review],
      'Child in need plan since 11 August 2025',
    );

    // Wednesday 10 September: the visit is a day late. Once recorded, the next is due 20 working days on, 8 October.
    await on('2025-09-10');
    await expectEveryPageToSay(
      '2025-09-10',
      ['child-in-need-visit 2025-09-09 overdue', review],
      'Child in need plan since 11 August 2025',
    );
    await record('visits', { visitedOn: '2025-09-10', seen: true, seenAlone: true });
    await expectEveryPageToSay(
      '2025-09-10',
      ['child-in-need-visit 2025-10-08', review],
      'Child in need plan since 11 August 2025',
    );

    // Monday 6 October: a strategy discussion starts a section 47 enquiry. The initial conference is due within 15
    // working days: Monday 27 October. The visit of 8 October is due within the week. The open child in need plan
    // outranks the enquiry in the child's status (src/domain/journey/status.ts).
    await on('2025-10-06');
    await record('strategy-discussions', {
      heldOn: '2025-10-06',
      attendees: 'Police, school',
      outcome: 'section-47',
    });
    await expectEveryPageToSay(
      '2025-10-06',
      ['child-in-need-visit 2025-10-08', 'initial-child-protection-conference 2025-10-27', review],
      'Child in need plan since 11 August 2025',
    );

    // Thursday 23 October: the visit of 8 October is overdue. The conference decides on a plan; the worker visits
    // that day and ends the child in need plan, so its next visit and its review lapse. The first core group is
    // due within 10 working days (Thursday 6 November), so is the first visit on the plan counted from the
    // conference, and the first review conference within 3 months (Friday 23 January 2026).
    await on('2025-10-23');
    await expectEveryPageToSay(
      '2025-10-23',
      ['child-in-need-visit 2025-10-08 overdue', 'initial-child-protection-conference 2025-10-27', review],
      'Child in need plan since 11 August 2025',
    );
    await record('initial-conferences', {
      heldOn: '2025-10-23',
      outcome: 'child-protection-plan',
      category: 'NEG',
    });
    await record('visits', { visitedOn: '2025-10-23', seen: true, seenAlone: true });
    await record('cin-plan-endings', { endDate: '2025-10-23' });
    const onThePlan = 'Child protection plan since 23 October 2025 (neglect)';
    await expectEveryPageToSay(
      '2025-10-23',
      [
        'child-protection-visit 2025-11-06',
        'first-core-group 2025-11-06',
        'child-protection-review 2026-01-23',
      ],
      onThePlan,
    );

    // Friday 7 November: both are a day late. The core group and a visit are recorded; the next visit is due 10
    // working days on, Friday 21 November.
    await on('2025-11-07');
    await expectEveryPageToSay(
      '2025-11-07',
      [
        'child-protection-visit 2025-11-06 overdue',
        'first-core-group 2025-11-06 overdue',
        'child-protection-review 2026-01-23',
      ],
      onThePlan,
    );
    await record('cp-core-groups', { heldOn: '2025-11-07' });
    await record('visits', { visitedOn: '2025-11-07', seen: true, seenAlone: true });
    await expectEveryPageToSay(
      '2025-11-07',
      ['child-protection-visit 2025-11-21', 'child-protection-review 2026-01-23'],
      onThePlan,
    );

    // Monday 17 November: the plan ends; what it owed lapses. With the episode still open and no plan, the child is
    // in need as from the authorised assessment (src/domain/journey/status.ts).
    await on('2025-11-17');
    await record('cp-plan-endings', { endDate: '2025-11-17', reason: 'no-longer-at-risk' });
    const inNeed = 'Child in need since 5 August 2025';
    await expectEveryPageToSay('2025-11-17', [], inNeed);

    // Monday 1 December: the child becomes looked after. A visit within a week of the placement (Monday 8
    // December); the first PEP within 10 working days (Monday 15 December); the first review and the initial health
    // assessment within 20 working days, Christmas Day and Boxing Day not counted (Wednesday 31 December).
    await on('2025-12-01');
    await record('periods-of-care', {
      startDate: '2025-12-01',
      legalStatus: 'V2',
      place: 'U6',
      provider: 'PR1',
      postcode: 'DA1 1AA',
      inArea: true,
      unregistered: false,
    });
    const inCare = [
      'personal-education-plan 2025-12-15',
      'initial-health-assessment 2025-12-31',
      'looked-after-review 2025-12-31',
    ];
    const lookedAfter =
      'Looked after since 1 December 2025: single period of accommodation under section 20 of the Children ' +
      'Act 1989; foster placement with other foster carer(s) since 1 December 2025';
    await expectEveryPageToSay('2025-12-01', ['looked-after-visit 2025-12-08', ...inCare], lookedAfter);

    // Tuesday 9 December: the visit is a day late; once made, the next is due within 6 weeks (20 January 2026).
    await on('2025-12-09');
    await expectEveryPageToSay(
      '2025-12-09',
      ['looked-after-visit 2025-12-08 overdue', ...inCare],
      lookedAfter,
    );
    await record('visits', { visitedOn: '2025-12-09', seen: true, seenAlone: true });
    const nextVisit = 'looked-after-visit 2026-01-20';
    await expectEveryPageToSay('2025-12-09', [...inCare, nextVisit], lookedAfter);

    // Wednesday 17 December: the PEP is two days late. It was done yesterday, and the initial health assessment
    // today; the health review is then due within 12 months (Thursday 17 December 2026).
    await on('2025-12-17');
    await expectEveryPageToSay(
      '2025-12-17',
      ['personal-education-plan 2025-12-15 overdue', ...inCare.slice(1), nextVisit],
      lookedAfter,
    );
    await record('personal-education-plans', { kind: 'initial', completedOn: '2025-12-16' });
    await record('health-assessments', { kind: 'initial', completedOn: '2025-12-17' });
    const healthReview = 'health-assessment-review 2026-12-17';
    await expectEveryPageToSay(
      '2025-12-17',
      ['looked-after-review 2025-12-31', nextVisit, healthReview],
      lookedAfter,
    );

    // Tuesday 30 December: the first review; the second is due within 3 months (Monday 30 March 2026).
    await on('2025-12-30');
    await record('care-reviews', { heldOn: '2025-12-30', participation: 'PN1' });
    const secondReview = 'looked-after-review 2026-03-30';
    await expectEveryPageToSay('2025-12-30', [nextVisit, secondReview, healthReview], lookedAfter);

    // Monday 5 January 2026: the spring term begins (5 January to 31 March), so the PEP is owed a review in it, due
    // by the term's end. Nothing was recorded today: every page must know it all the same.
    await on('2026-01-05');
    await expectEveryPageToSay(
      '2026-01-05',
      [nextVisit, secondReview, 'personal-education-plan-review 2026-03-31', healthReview],
      lookedAfter,
    );

    // Friday 16 January: the child goes home and care ends, so everything owed while in care lapses.
    await on('2026-01-16');
    await record('care-endings', { endDate: '2026-01-16', reason: 'E4A' });
    await expectEveryPageToSay('2026-01-16', [], inNeed);

    // Monday 2 February 2026: nothing has come due since.
    await on('2026-02-02');
    await expectEveryPageToSay('2026-02-02', [], inNeed);
  });
});
