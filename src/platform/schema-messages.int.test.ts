import { describe, expect, it } from 'vitest';
import { aTeamWithAnAllocatedChild } from '../../test/support/journey.ts';
import { newWorker, signedInAs, testServer } from '../../test/support/world.ts';

/**
 * Bad input to the API is answered in words a person can act on (issue 17 part 9): each message names the field
 * and says what to do, and none is the schema checker's own wording.
 */
const checkerWords = [
  /schema/i,
  /anyOf|oneOf|allOf/,
  /must match/i,
  /required property/i,
  /must NOT/,
  /equal to one of the allowed values/i,
  /must be (string|number|integer|boolean|object|array|null)\b/,
  /^must\b/,
  /^[a-z]/,
];

describe('the API’s answers to bad input', async () => {
  const { app, db } = await testServer();
  const { council, worker, child } = await aTeamWithAnAllocatedChild(db);
  const browser = await signedInAs(app, worker);
  const api = `/api/children/${child.id}`;

  const cases: Array<{
    what: string;
    method: 'POST' | 'PATCH' | 'GET';
    url: string;
    json?: unknown;
    expected: Array<{ path: string; message: string }>;
  }> = [
    {
      what: 'a case note with nothing in it',
      method: 'POST',
      url: `${api}/notes`,
      json: {},
      expected: [
        { path: 'kind', message: 'Enter the kind' },
        { path: 'occurredOn', message: 'Enter the date it happened' },
        { path: 'title', message: 'Enter the title' },
      ],
    },
    {
      what: 'a referral on a date that does not exist, with a decision Hearth does not know',
      method: 'POST',
      url: `${api}/contacts`,
      json: {
        receivedOn: '2025-02-30',
        source: '6',
        reason: 'Call',
        decision: 'maybe',
        decidedOn: '2025-06-13',
      },
      expected: [
        {
          path: 'receivedOn',
          message: 'The date the contact was received must be a real date, like 2026-12-07',
        },
        {
          path: 'decision',
          message: 'Decision must be no-further-action, information-and-advice, early-help or referral',
        },
      ],
    },
    {
      what: 'an identity change with fields of the wrong kind',
      method: 'PATCH',
      url: `${api}/identity`,
      json: { version: 'one', uasc: 'perhaps', expectedDateOfBirth: 'soon' },
      expected: [
        { path: 'version', message: 'The version this change was based on must be a whole number' },
        {
          path: 'expectedDateOfBirth',
          message: 'Expected date of birth must be a real date, like 2026-12-07',
        },
        { path: 'uasc', message: 'UASC must be true or false' },
      ],
    },
    {
      what: 'an address whose first line is far too long',
      method: 'POST',
      url: `${api}/addresses`,
      json: { line1: 'x'.repeat(201), from: '2025-01-01' },
      expected: [{ path: 'line1', message: 'Line 1 must be 200 characters or fewer' }],
    },
    {
      what: 'an assessment in an episode whose ID is not one Hearth gave',
      method: 'POST',
      url: `${api}/episodes/not-an-id/assessments`,
      json: { startDate: '2025-06-03' },
      expected: [
        {
          path: 'episodeId',
          message: 'Episode ID must be an ID that Hearth gave, like 0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b',
        },
      ],
    },
  ];

  it.each(cases)('names each field of $what and says what to do', async ({ method, url, json, expected }) => {
    const response = await browser.request({ method, url, json });
    expect(response.statusCode).toBe(400);
    const errors = (response.json() as { errors: Array<{ path: string; message: string }> }).errors;
    expect(errors).toEqual(expect.arrayContaining(expected));
    for (const { message } of errors) {
      for (const words of checkerWords) expect(message).not.toMatch(words);
    }
  });

  it('answers a page’s bad search the same way, in the GOV.UK error summary', async () => {
    const auditor = await signedInAs(app, await newWorker(db, council, 'auditor'));
    const page = await auditor.get('/audit?from=2026-02-30');
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('From must be a real date');
    expect(page.body).not.toMatch(/must match|anyOf|schema/);
  });
});
