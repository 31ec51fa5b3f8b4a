import { v7 as uuidv7 } from 'uuid';
/// <reference lib="dom" />
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { careRecordings } from '../../src/modules/care/recordings.ts';
import { protectionRecordings } from '../../src/modules/protection/recordings.ts';
import type { Role } from '../../src/platform/permissions.ts';
import { aTeamWithAnAllocatedChild } from '../support/journey.ts';
import {
  addToAuditSample,
  allocate,
  newChild,
  newWorker,
  signedInAs,
  type TestChild,
  type TestWorker,
} from '../support/world.ts';
import { browserWorld, keepScreenshot, screenshotFolder, verifyOnPage } from './support.ts';

/**
 * A tour of every HTML page Hearth serves (every GET route that is not the API, an asset or the health check),
 * each as someone allowed to see it, on one child whose record has something in every section: the front door,
 * an assessment, a corrected case note, child protection and child in need, a period of care with its placement,
 * review and visits, and leaving care with a pathway plan. Each page passes `verifyOnPage` (its h1 and axe) and
 * the checks below that axe does not make; the main forms are also submitted empty to check their error summary.
 * Screenshots go to test-results/screenshots/tour/ to be looked at.
 */
const tourFolder = `${screenshotFolder}/tour`;

/** What axe leaves to a person: one h1, a title that says the same, named tables and links that say where they go. */
async function checkPageShape(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (document.documentElement.scrollWidth > window.innerWidth)
      problems.push(
        `the page is ${document.documentElement.scrollWidth - window.innerWidth}px wider than the window`,
      );
    const headings = [...document.querySelectorAll('h1')];
    if (headings.length !== 1) problems.push(`${headings.length} h1 elements`);
    const h1 = text(headings[0] ?? null);
    const hasErrorSummary = document.querySelector('.govuk-error-summary') !== null;
    // The title is the h1, then what it is about (the child) if the h1 does not say, then the service. The start
    // page's h1 is the service's name itself.
    const expectedTitle = `${hasErrorSummary ? 'Error: ' : ''}${h1} – `;
    if (!document.title.startsWith(expectedTitle) && h1 !== 'Hearth')
      problems.push(`title "${document.title}" does not start with "${expectedTitle}"`);
    if (!document.title.endsWith(' – Hearth'))
      problems.push(`title "${document.title}" does not name Hearth`);
    document.querySelectorAll('table').forEach((table, index) => {
      // A caption names the table for those who list a page's tables; headers say what each column holds.
      if (!text(table.querySelector('caption'))) problems.push(`table ${index + 1} has no caption`);
      if (!table.querySelector('th')) problems.push(`table ${index + 1} has no headers`);
    });
    const linkTargets = new Map<string, Set<string>>();
    document.querySelectorAll('a[href]').forEach((link) => {
      const name = link.getAttribute('aria-label') ?? text(link);
      if (!name) problems.push(`a link to ${link.getAttribute('href')} has no name`);
      else if (/^[\d\s.,%()of]+$/.test(name)) problems.push(`a link is named only by the number "${name}"`);
      const targets = linkTargets.get(name) ?? new Set<string>();
      targets.add(new URL((link as HTMLAnchorElement).href).pathname + (link as HTMLAnchorElement).search);
      linkTargets.set(name, targets);
    });
    for (const [name, targets] of linkTargets) {
      if (targets.size > 1) problems.push(`links named "${name}" go to ${targets.size} places`);
    }
    return problems;
  });
}

/** Every link in the GOV.UK error summary points at an element that exists and takes focus; a date at its Day box. */
async function checkErrorSummary(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const links = [...document.querySelectorAll<HTMLAnchorElement>('.govuk-error-summary a')];
    if (links.length === 0) problems.push('no error summary links');
    for (const link of links) {
      const id = decodeURIComponent(link.hash.slice(1));
      const target = document.getElementById(id);
      if (!target) {
        problems.push(`"${link.textContent?.trim()}" points at #${id}, which is not on the page`);
        continue;
      }
      target.focus();
      if (document.activeElement !== target) problems.push(`#${id} does not take focus`);
      const dateInput = target.closest('.govuk-date-input');
      if (dateInput && dateInput.querySelector('input') !== target)
        problems.push(`#${id} is in a date but is not its Day box`);
    }
    return problems;
  });
}

interface Visit {
  /** The route as registered, to show that every page route is visited. */
  route: string;
  url: string;
  role: Who;
  heading: string | RegExp;
  /** Submit the form empty and check the error summary. */
  submitEmpty?: boolean;
  /** Also look at it on a phone. */
  narrow?: boolean;
  /** Words the page should show, in plain English rather than codes or ISO dates. */
  shows?: string[];
}
type Who =
  | Extract<Role, 'social-worker' | 'team-manager' | 'service-manager' | 'administrator' | 'auditor'>
  | 'visitor';

describe('a tour of every page, as someone who may see it, on a child with something in every section', async () => {
  const world = await browserWorld();
  const { app, db, address } = world;
  const browser = world.page.context().browser()!;
  mkdirSync(tourFolder, { recursive: true });

  // Born 14 March 2008: looked after at 16, a care leaver from 18 on Saturday 14 March 2026.
  const { council, team, worker, manager, child } = await aTeamWithAnAllocatedChild(db, {
    givenName: 'Jordan',
    familyName: 'Okafor',
    dateOfBirth: '2008-03-14',
  });
  const serviceManager = await newWorker(db, council, 'service-manager', { givenName: 'Ade' });
  const administrator = await newWorker(db, council, 'administrator', { givenName: 'Lin' });
  const adviser = await newWorker(db, council, 'personal-adviser', { team, givenName: 'Tomasz' });
  const auditor = await newWorker(db, council, 'auditor', { givenName: 'Ola' });
  await addToAuditSample(db, auditor, [child]);
  // A child the administrator has restricted to the personal adviser alone (issue 17 part 10).
  const restrictedChild = await newChild(db, council, {
    givenName: 'Robin',
    familyName: 'Hale',
    restrictedTo: [adviser],
  });
  const session = await signedInAs(app, worker);
  // A training record of the worker's, for the forms that change and end one (issue 21, part 1).
  const trainingId = uuidv7();
  await db
    .insertInto('training_records')
    .values({
      council_id: council.id,
      id: trainingId,
      worker_id: worker.workerId,
      course: 'Safeguarding children level 3',
      completed_on: '2024-02-01',
      expires_on: '2027-02-01',
    })
    .execute();
  // A funded post in the team, for the forms that correct and disestablish one (issue 21, part 1).
  const postId = uuidv7();
  await db
    .insertInto('posts')
    .values({
      council_id: council.id,
      id: postId,
      team_id: team.id,
      title: 'Social worker (post 1)',
      job: 'social-worker',
      fte: 1,
      from_date: '2020-04-01',
    })
    .execute();

  const refused: string[] = [];
  async function post(
    path: string,
    json: Record<string, unknown>,
    about: TestChild = child,
  ): Promise<string> {
    const response = await session.request({ method: 'POST', url: `/api/children/${about.id}${path}`, json });
    if (response.statusCode !== 201) refused.push(`${path}: ${response.statusCode} ${response.body}`);
    return response.statusCode === 201 ? String(response.json().id ?? '') : '';
  }

  // The front door and assessment.
  await post('/contacts', {
    receivedOn: '2024-05-28',
    source: '6',
    reason: 'Police notification after a call to the home',
    decision: 'referral',
    decidedOn: '2024-05-29',
  });
  await post('/referrals', { referralDate: '2024-06-03', source: '6', primaryNeed: 'N1' });
  const episodes = (await session.get(`/api/children/${child.id}/episodes`)).json() as Array<{ id: string }>;
  const episodeId = episodes[0]!.id;
  const assessmentId = await post(`/episodes/${episodeId}/assessments`, {
    startDate: '2024-06-04',
    factors: ['3A', '2B'],
  });
  // The record: an address, a warning and a relative.
  await post('/addresses', {
    line1: '14 Mill Lane',
    town: 'Dartford',
    postcode: 'DA1 1AB',
    from: '2023-01-01',
  });
  await post('/flags', {
    kind: 'risk-to-staff',
    description: 'Dog at the property',
    from: '2024-06-01',
    reviewBy: '2027-06-01',
  });
  await post('/relationships', { givenName: 'Dana', familyName: 'Okafor', relationship: 'mother' });
  // A case note and its correction.
  const noteId = await post('/notes', {
    kind: 'visit',
    occurredOn: '2024-06-05',
    title: 'Home visit',
    body: 'Saw Jordan alone in his bedroom.',
  });
  await post('/notes', {
    kind: 'visit',
    occurredOn: '2024-06-05',
    title: 'Home visit',
    body: 'Saw Jordan alone in the living room.',
    correctsNoteId: noteId,
    correctionReason: 'I wrote the wrong room.',
  });
  // Child in need, then child protection.
  await post('/cin-plans', { startDate: '2024-06-06' });
  await post('/cin-plan-reviews', { heldOn: '2024-06-18' });
  await post('/strategy-discussions', {
    heldOn: '2024-06-19',
    attendees: 'Police, school, health visitor',
    outcome: 'section-47',
  });
  await post('/cin-plan-endings', { endDate: '2024-07-08' });
  await post('/initial-conferences', {
    heldOn: '2024-07-08',
    outcome: 'child-protection-plan',
    category: 'NEG',
  });
  await post('/cp-core-groups', { heldOn: '2024-07-18' });
  await post('/cp-review-conferences', { heldOn: '2024-09-10' });
  await post('/cp-plan-endings', { endDate: '2024-09-13', reason: 'looked-after' });
  // Looked after, then leaving care.
  const placement = { place: 'U6', provider: 'PR1', postcode: 'DA1 1AA', inArea: true, unregistered: false };
  await post('/periods-of-care', { startDate: '2024-09-13', legalStatus: 'V2', ...placement });
  await post('/legal-statuses', { fromDate: '2024-10-21', legalStatus: 'C1' });
  await post('/care-reviews', { heldOn: '2024-10-10', participation: 'PN1' });
  await post('/placements', {
    startDate: '2025-01-06',
    changeReason: 'CREQO',
    ...placement,
    place: 'U4',
    longTermAgreed: true,
  });
  await post('/visits', {
    visitedOn: '2025-01-10',
    seen: true,
    seenAlone: true,
    bedroomSeen: true,
    wishesAndFeelings: 'Likes the new carers',
  });
  await post('/health-assessments', { kind: 'initial', completedOn: '2024-10-01' });
  await post('/personal-education-plans', { kind: 'initial', completedOn: '2024-10-04' });
  await post('/missing-episodes', {
    kind: 'M',
    startedOn: '2025-02-01',
    endedOn: '2025-02-02',
    returnInterviewOffered: true,
    returnInterviewAccepted: true,
  });
  await post('/care-endings', {
    endDate: '2026-03-14',
    reason: 'E17',
    leavingCareStatus: 'former-relevant',
    personalAdviserEmail: adviser.email,
  });
  await post('/pathway-plans', { startedOn: '2026-03-16' });
  await post('/pathway-plan-reviews', { heldOn: '2026-09-10' });
  await post('/care-leaver-contacts', {
    contactedOn: '2026-03-20',
    inTouch: 'YES',
    accommodation: 'Z1',
    activity: 'F2',
  });

  // A colleague in the team, not allocated to Jordan, opens the record out of hours: a grant for the manager to review.
  const colleague = await newWorker(db, council, 'social-worker', { team, givenName: 'Sol' });
  const glass = await (
    await signedInAs(app, colleague)
  ).post('/break-glass', { localId: child.localId, reason: 'Police called the out-of-hours line' });
  if (glass.statusCode !== 303) refused.push(`break glass: ${glass.statusCode}`);

  // A second child on the worker's caseload, on an open child in need plan, for the tracker.
  const sibling = await newChild(db, council, {
    givenName: 'Mia',
    familyName: 'Okafor',
    dateOfBirth: '2017-08-21',
  });
  await allocate(db, sibling, worker);
  await post('/referrals', { referralDate: '2026-09-01', source: '1B', primaryNeed: 'N2' }, sibling);
  await post('/cin-plans', { startDate: '2026-10-06' }, sibling);

  /** A browser context per person, signed in by carrying over a session made through the real sign-in form. */
  const people: Record<Exclude<Who, 'visitor'>, TestWorker> = {
    'social-worker': worker,
    'team-manager': manager,
    'service-manager': serviceManager,
    administrator,
    auditor,
  };
  const contexts = new Map<string, BrowserContext>();
  async function pageFor(who: Who, narrow = false): Promise<Page> {
    const key = `${who}${narrow ? ' narrow' : ''}`;
    let context = contexts.get(key);
    if (!context) {
      context = await browser.newContext({
        timezoneId: 'Europe/London',
        locale: 'en-GB',
        viewport: narrow ? { width: 375, height: 812 } : { width: 1280, height: 900 },
      });
      if (who !== 'visitor') {
        const signedIn = await signedInAs(app, people[who]);
        await context.addCookies(
          [...signedIn.cookies].map(([name, value]) => ({ name, value, url: address })),
        );
      }
      contexts.set(key, context);
    }
    return (context.pages()[0] ?? (await context.newPage())) as Page;
  }

  const { id: allocationId } = await db
    .selectFrom('allocations')
    .select('id')
    .where('child_id', '=', child.id)
    .executeTakeFirstOrThrow();
  // A one-to-one in which the manager supervised the worker (issue 21), for the supervision's own page.
  const supervisionId = randomUUID();
  await db
    .insertInto('supervisions')
    .values({
      council_id: council.id,
      id: supervisionId,
      kind: 'one-to-one',
      held_on: '2026-10-01',
      supervisor_id: manager.workerId,
      supervisee_id: worker.workerId,
      recorded_by: manager.workerId,
    })
    .execute();
  // A colleague stopped at the front door by Mia, whom they cannot see: a possible duplicate for the service
  // manager to review (issue 17).
  const reviewId = randomUUID();
  await db
    .insertInto('duplicate_reviews')
    .values({
      council_id: council.id,
      id: reviewId,
      child_id: sibling.id,
      raised_by: colleague.workerId,
      raised_at: new Date(),
      enquiry: JSON.stringify({
        givenName: 'Mia',
        familyName: 'Okafor',
        dateOfBirth: '2017-08-21',
        expectedDateOfBirth: null,
        nhsNumber: null,
        upn: null,
        addressLine1: '14 Mill Lane',
        postcode: 'DA1 1AB',
        parentNames: ['Dana Okafor'],
      }),
      fingerprint: 'tour',
      reasons: JSON.stringify(['Same name', 'Same date of birth']),
    })
    .execute();
  const c = `/children/${child.id}`;
  const name = 'Jordan Okafor';
  const visits: Visit[] = [
    { route: '/', url: '/', role: 'visitor', heading: 'Hearth' },
    { route: '/sign-in', url: '/sign-in', role: 'visitor', heading: 'Sign in to Hearth', submitEmpty: true },
    // Without a password just given, the code page sends people to sign in; sign-in-codes.test.ts sees the page.
    { route: '/sign-in/code', url: '/sign-in/code', role: 'visitor', heading: 'Sign in to Hearth' },
    {
      route: '/account/sign-in-codes',
      url: '/account/sign-in-codes',
      role: 'social-worker',
      heading: 'Sign-in codes',
    },
    { route: '/home', url: '/home', role: 'social-worker', heading: /^Welcome, /, narrow: true },
    { route: '/children', url: '/children', role: 'social-worker', heading: 'Children' },
    { route: '/search', url: `/search?q=Jordan`, role: 'social-worker', heading: 'Find a child' },
    {
      route: '/front-door',
      url: '/front-door',
      role: 'social-worker',
      heading: 'Who is the contact about?',
      narrow: true,
      submitEmpty: true,
    },
    {
      route: '/break-glass',
      url: '/break-glass',
      role: 'social-worker',
      heading: /outside your access/,
      submitEmpty: true,
    },
    { route: '/caseload', url: '/caseload', role: 'social-worker', heading: /caseload/i, narrow: true },
    { route: '/children/:childId', url: c, role: 'social-worker', heading: name, narrow: true },
    { route: '/children/:childId/edit', url: `${c}/edit`, role: 'social-worker', heading: /\S/ },
    {
      route: '/children/:childId/record',
      url: `${c}/record`,
      role: 'social-worker',
      heading: /\S/,
      narrow: true,
    },
    { route: '/children/:childId/identity', url: `${c}/identity`, role: 'social-worker', heading: /\S/ },
    {
      route: '/children/:childId/addresses/new',
      url: `${c}/addresses/new`,
      role: 'social-worker',
      heading: /\S/,
      submitEmpty: true,
    },
    {
      route: '/children/:childId/flags/new',
      url: `${c}/flags/new`,
      role: 'social-worker',
      heading: /\S/,
      submitEmpty: true,
    },
    {
      route: '/children/:childId/relationships/new',
      url: `${c}/relationships/new`,
      role: 'social-worker',
      heading: /\S/,
      submitEmpty: true,
    },
    {
      route: '/children/:childId/chronology',
      url: `${c}/chronology`,
      role: 'social-worker',
      heading: /\S/,
      narrow: true,
      shows: ['Returned 2 February 2025'],
    },
    {
      route: '/children/:childId/chronology/print',
      url: `${c}/chronology/print?order=oldest`,
      role: 'social-worker',
      heading: /^Chronology of /,
      shows: ['Oldest first', 'Printed by '],
    },
    {
      route: '/children/:childId/journey',
      url: `${c}/journey`,
      role: 'social-worker',
      heading: /\S/,
      narrow: true,
      shows: ['Abuse or neglect (N1)'],
    },
    {
      route: '/children/:childId/contacts/new',
      url: `${c}/contacts/new`,
      role: 'social-worker',
      heading: /\S/,
      submitEmpty: true,
    },
    {
      route: '/children/:childId/referrals/new',
      url: `${c}/referrals/new`,
      role: 'social-worker',
      heading: /\S/,
      submitEmpty: true,
    },
    {
      route: '/children/:childId/episodes/:episodeId/assessments/new',
      url: `${c}/episodes/${episodeId}/assessments/new`,
      role: 'social-worker',
      heading: /\S/,
      submitEmpty: true,
    },
    {
      route: '/children/:childId/assessments/:assessmentId/authorise',
      url: `${c}/assessments/${assessmentId}/authorise`,
      role: 'team-manager',
      heading: /\S/,
      submitEmpty: true,
    },
    {
      route: '/children/:childId/assessments/:assessmentId/resend',
      url: `${c}/assessments/${assessmentId}/resend`,
      role: 'social-worker',
      heading: /\S/,
    },
    {
      route: '/children/:childId/death/new',
      url: `${c}/death/new`,
      role: 'social-worker',
      heading: /\S/,
      submitEmpty: true,
    },
    {
      route: '/children/:childId/episodes/:episodeId/close',
      url: `${c}/episodes/${episodeId}/close`,
      role: 'social-worker',
      heading: /\S/,
      submitEmpty: true,
    },
    {
      route: '/children/:childId/notes',
      url: `${c}/notes`,
      role: 'social-worker',
      heading: 'Case notes',
      narrow: true,
    },
    {
      route: '/children/:childId/notes/:noteId',
      url: `${c}/notes/${noteId}`,
      role: 'social-worker',
      heading: 'Home visit',
    },
    {
      route: '/children/:childId/notes/new',
      url: `${c}/notes/new`,
      role: 'social-worker',
      heading: 'Write a case note',
      submitEmpty: true,
    },
    {
      route: '/children/:childId/notes/new',
      url: `${c}/notes/new?corrects=${noteId}`,
      role: 'social-worker',
      heading: 'Correct a case note',
    },
    {
      route: '/children/:childId/protection',
      url: `${c}/protection`,
      role: 'social-worker',
      heading: /\S/,
      narrow: true,
      shows: ['ended 13 September 2024 (Became looked after)'],
    },
    {
      route: '/children/:childId/care',
      url: `${c}/care`,
      role: 'social-worker',
      heading: 'Care and leaving care',
      narrow: true,
    },
    ...[...protectionRecordings, ...careRecordings].map((recording): Visit => ({
      route: `${recording.path}/new`,
      url: `${recording.path.replace(':childId', child.id)}/new`,
      role: 'social-worker',
      heading: recording.title,
      submitEmpty: true,
    })),
    {
      route: '/children/:childId/visits/new',
      url: `${c}/visits/new`,
      role: 'social-worker',
      heading: 'Record a visit',
      submitEmpty: true,
    },
    {
      route: '/children/:childId/timescales',
      url: `${c}/timescales`,
      role: 'social-worker',
      heading: 'What is due',
      narrow: true,
    },
    {
      route: '/timescales/children',
      url: '/timescales/children?measure=overdue',
      role: 'social-worker',
      heading: /\S/,
    },
    {
      route: '/cin-tracker',
      url: '/cin-tracker',
      role: 'social-worker',
      heading: /\S/,
      shows: ['Mia Okafor'],
    },
    { route: '/team-caseloads', url: '/team-caseloads', role: 'team-manager', heading: /\S/ },
    {
      route: '/workers/:workerId/absences',
      url: `/workers/${worker.workerId}/absences`,
      role: 'team-manager',
      heading: 'Leave and sickness',
    },
    {
      route: '/workers/:workerId/absences/new',
      url: `/workers/${worker.workerId}/absences/new`,
      role: 'team-manager',
      heading: 'Record leave or sickness',
      submitEmpty: true,
    },
    {
      route: '/workers/:workerId/caseload',
      url: `/workers/${worker.workerId}/caseload`,
      role: 'team-manager',
      heading: 'Caseload',
    },
    {
      route: '/workers/:workerId/cover',
      url: `/workers/${worker.workerId}/cover`,
      role: 'team-manager',
      heading: 'Cover for leave and sickness',
    },
    {
      route: '/allocations/:allocationId',
      url: `/allocations/${allocationId}`,
      role: 'team-manager',
      heading: 'Allocation recorded',
    },
    {
      route: '/children/:childId/allocation',
      url: `${c}/allocation`,
      role: 'team-manager',
      heading: /\S/,
      submitEmpty: true,
    },
    {
      route: '/children/:childId/access-log',
      url: `${c}/access-log`,
      role: 'team-manager',
      heading: 'Who has seen this record',
      shows: ['Jordan Okafor'],
    },
    {
      route: '/access-review',
      url: '/access-review',
      role: 'team-manager',
      heading: 'Access to review',
      shows: ['Police called the out-of-hours line'],
    },
    { route: '/timescales', url: '/timescales', role: 'team-manager', heading: /\S/, narrow: true },
    {
      route: '/timescales/teams/:teamId',
      url: `/timescales/teams/${team.id}`,
      role: 'team-manager',
      heading: /\S/,
    },
    { route: '/audit', url: '/audit', role: 'service-manager', heading: /\S/ },
    {
      route: '/duplicate-reviews',
      url: '/duplicate-reviews',
      role: 'service-manager',
      heading: 'Possible duplicates to review',
      narrow: true,
      shows: ['Mia Okafor', '21 August 2017', 'Same name; same date of birth'],
    },
    {
      route: '/duplicate-reviews/:reviewId',
      url: `/duplicate-reviews/${reviewId}`,
      role: 'service-manager',
      heading: 'Is this Mia Okafor?',
      submitEmpty: true,
      narrow: true,
    },
    {
      route: '/performance',
      url: '/performance',
      role: 'service-manager',
      heading: 'How the service is doing',
      narrow: true,
    },
    {
      route: '/performance/:id',
      url: '/performance/referrals',
      role: 'service-manager',
      heading: /Referrals/,
    },
    {
      route: '/performance/reports',
      url: '/performance/reports',
      role: 'service-manager',
      heading: 'Committee reports',
    },
    {
      route: '/performance/reports/:key',
      url: '/performance/reports/2025',
      role: 'service-manager',
      heading: /How children’s social care is doing/,
      narrow: true,
    },
    {
      route: '/performance/reports/:key/words',
      url: '/performance/reports/2025/words',
      role: 'service-manager',
      heading: /The words of the report/,
    },
    {
      route: '/performance/reports/self-evaluation/:year',
      url: '/performance/reports/self-evaluation/2025',
      role: 'service-manager',
      heading: /Self-evaluation of social work practice/,
      narrow: true,
    },
    {
      route: '/performance/reports/self-evaluation/:year/words',
      url: '/performance/reports/self-evaluation/2025/words',
      role: 'service-manager',
      heading: /The self-evaluation for 2025–26/,
    },
    {
      route: '/performance/:id/children',
      url: '/performance/referrals/children',
      role: 'service-manager',
      heading: /\S/,
    },
    { route: '/supervision', url: '/supervision', role: 'team-manager', heading: /\S/, narrow: true },
    { route: '/actions', url: '/actions', role: 'social-worker', heading: 'Actions', narrow: true },
    // The Workforce section (issue 21): a team manager sees their own team.
    { route: '/workforce', url: '/workforce', role: 'team-manager', heading: 'Workforce', narrow: true },
    {
      route: '/workforce/teams/:teamId',
      url: `/workforce/teams/${team.id}`,
      role: 'team-manager',
      heading: team.name,
      narrow: true,
    },
    {
      route: '/workforce/staff',
      url: '/workforce/staff',
      role: 'team-manager',
      heading: 'Staff',
      narrow: true,
    },
    {
      route: '/workforce/staff/:workerId',
      url: `/workforce/staff/${worker.workerId}`,
      role: 'team-manager',
      heading: /\S/,
      narrow: true,
    },
    {
      route: '/workforce/staff/:workerId/training/new',
      url: `/workforce/staff/${worker.workerId}/training/new`,
      role: 'team-manager',
      heading: 'Add a training record',
      submitEmpty: true,
    },
    {
      route: '/workforce/staff/:workerId/training/:trainingId/change',
      url: `/workforce/staff/${worker.workerId}/training/${trainingId}/change`,
      role: 'team-manager',
      heading: 'Change a training record',
    },
    {
      route: '/workforce/staff/:workerId/training/:trainingId/end',
      url: `/workforce/staff/${worker.workerId}/training/${trainingId}/end`,
      role: 'team-manager',
      heading: 'End a training record',
      submitEmpty: true,
    },
    {
      route: '/workforce/staff/:workerId/induction-steps/new',
      url: `/workforce/staff/${worker.workerId}/induction-steps/new`,
      role: 'team-manager',
      heading: 'Mark an induction step done',
      submitEmpty: true,
    },
    {
      route: '/workforce/staff/:workerId/appraisals/new',
      url: `/workforce/staff/${worker.workerId}/appraisals/new`,
      role: 'team-manager',
      heading: 'Record an appraisal',
      submitEmpty: true,
    },
    {
      route: '/workforce/staff/:workerId/leaving/new',
      url: `/workforce/staff/${worker.workerId}/leaving/new`,
      role: 'team-manager',
      heading: 'Record leaving',
      submitEmpty: true,
    },
    {
      route: '/workforce/teams/new',
      url: '/workforce/teams/new',
      role: 'service-manager',
      heading: 'Create a team',
      submitEmpty: true,
    },
    {
      route: '/workforce/teams/:teamId/change',
      url: `/workforce/teams/${team.id}/change`,
      role: 'service-manager',
      heading: 'Change the team',
    },
    {
      route: '/workforce/teams/:teamId/posts/new',
      url: `/workforce/teams/${team.id}/posts/new`,
      role: 'administrator',
      heading: 'Establish a post',
      submitEmpty: true,
    },
    {
      route: '/workforce/teams/:teamId/posts/:postId/change',
      url: `/workforce/teams/${team.id}/posts/${postId}/change`,
      role: 'service-manager',
      heading: 'Correct a post',
    },
    {
      route: '/workforce/teams/:teamId/posts/:postId/disestablish',
      url: `/workforce/teams/${team.id}/posts/${postId}/disestablish`,
      role: 'service-manager',
      heading: 'Disestablish a post',
      submitEmpty: true,
    },
    {
      route: '/workforce/caseloads',
      url: '/workforce/caseloads',
      role: 'team-manager',
      heading: 'Weighted caseloads',
      narrow: true,
    },
    {
      route: '/workforce/measures',
      url: '/workforce/measures',
      role: 'team-manager',
      heading: 'Workforce measures',
      narrow: true,
    },
    {
      route: '/workforce/caseloads/weights',
      url: '/workforce/caseloads/weights',
      role: 'administrator',
      heading: 'Caseload weights',
      narrow: true,
    },
    {
      route: '/workforce/upload',
      url: '/workforce/upload',
      role: 'administrator',
      heading: 'Upload the staff list',
      narrow: true,
      submitEmpty: true,
    },
    {
      route: '/supervision/new',
      url: '/supervision/new?kind=one-to-one',
      role: 'team-manager',
      heading: /\S/,
    },
    {
      route: '/supervision/:supervisionId',
      url: `/supervision/${supervisionId}`,
      role: 'team-manager',
      heading: /\S/,
    },
    {
      route: '/children/:childId/supervision',
      url: `${c}/supervision`,
      role: 'social-worker',
      heading: /\S/,
    },
    {
      route: '/governance/retention',
      url: '/governance/retention',
      role: 'auditor',
      heading: 'Records due for review',
      narrow: true,
    },
    { route: '/subject-access', url: '/subject-access', role: 'auditor', heading: 'Subject access request' },
    {
      route: '/subject-access/:childId',
      url: `/subject-access/${child.id}`,
      role: 'auditor',
      heading: /\S/,
      narrow: true,
      shows: ['The record', 'Case notes', 'Chronology'],
    },
    {
      route: '/returns',
      url: '/returns?return=cin&year=2025',
      role: 'service-manager',
      heading: 'Statutory returns',
      narrow: true,
    },
    {
      route: '/returns/validate',
      url: '/returns/validate',
      role: 'service-manager',
      heading: 'Check a statutory return',
      submitEmpty: true,
    },
    {
      route: '/past-returns/ssda903',
      url: '/past-returns/ssda903',
      role: 'administrator',
      heading: 'Import a past SSDA903 return',
      narrow: true,
    },
    { route: '/admin/users', url: '/admin/users', role: 'administrator', heading: 'Users', narrow: true },
    {
      route: '/admin/users/new',
      url: '/admin/users/new',
      role: 'administrator',
      heading: 'Add a user',
      submitEmpty: true,
    },
    {
      route: '/admin/users/:userId',
      url: `/admin/users/${worker.userId}`,
      role: 'administrator',
      heading: /\S/,
    },
    {
      route: '/admin/restricted-children',
      url: '/admin/restricted-children',
      role: 'administrator',
      heading: 'Restricted children',
      shows: ['Robin Hale'],
    },
    {
      route: '/admin/restricted-children/new',
      url: '/admin/restricted-children/new',
      role: 'administrator',
      heading: 'Restrict a child',
      submitEmpty: true,
    },
    {
      route: '/admin/restricted-children/:childId',
      url: `/admin/restricted-children/${restrictedChild.id}`,
      role: 'administrator',
      heading: 'Who may see Robin Hale',
      shows: [adviser.email],
      narrow: true,
    },
    {
      route: '/admin/restricted-children/:childId/people/:workerId/remove',
      url: `/admin/restricted-children/${restrictedChild.id}/people/${adviser.workerId}/remove`,
      role: 'administrator',
      heading: /^Remove /,
      submitEmpty: true,
    },
    {
      route: '/local-standards',
      url: '/local-standards',
      role: 'administrator',
      heading: /\S/,
      shows: ['Every 20 working days'],
    },
    {
      route: '/local-standards/new',
      url: '/local-standards/new',
      role: 'administrator',
      heading: /\S/,
      submitEmpty: true,
    },
    {
      route: '/local-standards/closure-days/new',
      url: '/local-standards/closure-days/new',
      role: 'administrator',
      heading: /\S/,
      submitEmpty: true,
    },
  ];

  function slug(visit: Visit): string {
    const path = visit.url
      .replace(child.id, 'child')
      .replace(episodeId, 'episode')
      .replace(assessmentId, 'assessment')
      .replace(noteId, 'note')
      .replace(team.id, 'team')
      .replace(postId, 'post')
      .replace(worker.workerId, 'worker')
      .replace(/[^a-z0-9]+/gi, '-')
      .replace(/^-|-$/g, '');
    return path || 'start';
  }

  it('builds the child’s record through the API with nothing refused', () => {
    expect(refused).toEqual([]);
  });

  it('visits every GET route that renders a page', () => {
    const pageRoutes = app.routeTable
      .filter((route) => (Array.isArray(route.method) ? route.method : [route.method]).includes('GET'))
      .map((route) => route.url)
      // Downloads (a made return, the staff list, the census return) are files, not pages; the returns and
      // workforce browser tests download them. A past return's import page exists only while its import does
      // (past-returns/ssda903-routes.int.test.ts follows one to its end).
      .filter(
        (url) =>
          !/^\/(api|assets|govuk|public)\/|^\/health$|^\/returns\/download$|^\/subject-access\/:childId\/export$|^\/past-returns\/ssda903\/imports\/:id$/.test(
            url,
          ),
      )
      .filter((url) => !/\.(csv|xlsx)$/.test(url));
    expect([...new Set(pageRoutes)].sort()).toEqual([...new Set(visits.map((visit) => visit.route))].sort());
  });

  it.each(
    visits.map((visit) => [`${visit.url.replace(child.id, ':child')} as ${visit.role}`, visit] as const),
  )('%s', async (_label, visit) => {
    const page = await pageFor(visit.role);
    const response = await page.goto(`${address}${visit.url}`);
    expect(response?.status()).toBe(200);
    await verifyOnPage(page, visit.heading);
    await keepScreenshot(page, `${tourFolder}/${slug(visit)}.png`);
    expect(await checkPageShape(page)).toEqual([]);
    const main = await page.getByRole('main').innerText();
    for (const words of visit.shows ?? []) expect(main).toContain(words);
    expect(main).not.toMatch(/\bEvery Not set\b|\bundefined\b|\bnull\b|\bNaN\b|\[object Object\]/);

    if (visit.narrow) {
      const phone = await pageFor(visit.role, true);
      await phone.goto(`${address}${visit.url}`);
      await verifyOnPage(phone, visit.heading);
      await keepScreenshot(phone, `${tourFolder}/${slug(visit)}-narrow.png`);
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, 'the page scrolls sideways on a phone').toBeLessThanOrEqual(0);
    }

    if (visit.submitEmpty) {
      await page
        .locator('main form[method="post"]')
        .last()
        .locator('button:not([name="intent"]), input[type="submit"]')
        .last()
        .click();
      // The form page comes back with the same h1, so wait for the new page itself before axe looks at it.
      await expect.poll(() => page.title()).toMatch(/^Error: /);
      await page.waitForLoadState('load');
      await verifyOnPage(page, visit.heading);
      await keepScreenshot(page, `${tourFolder}/${slug(visit)}-error.png`);
      expect(await checkErrorSummary(page)).toEqual([]);
      expect(await checkPageShape(page)).toEqual([]);
    }
  });
});
