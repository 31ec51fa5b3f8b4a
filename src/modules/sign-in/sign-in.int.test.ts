import { describe, expect, it } from 'vitest';
import { loadTestConfig } from '../../platform/config.ts';
import { buildHearth } from '../../app.ts';
import { createApiToken, revokeApiToken } from '../staff/service.ts';
import {
  allocate,
  newChild,
  newCouncil,
  newWorker,
  signedInAs,
  testDatabase,
  testPassword,
  testServer,
  TestBrowser,
} from '../../../test/support/world.ts';

const sameRefusal = 'Enter a correct email address and password';

describe('signing in', async () => {
  let now = new Date('2026-03-02T09:00:00.000Z');
  const { app, db } = await testServer({ clock: () => now });
  const council = await newCouncil(db);
  const worker = await newWorker(db, council, 'social-worker');
  const child = await newChild(db, council);
  await allocate(db, child, worker);

  async function attempt(email: string, password: string) {
    const browser = new TestBrowser(app);
    await browser.get('/sign-in');
    return browser.post('/sign-in', { email, password });
  }

  it('signs in with the right password, setting an HttpOnly, SameSite=Lax session cookie', async () => {
    const response = await attempt(worker.email.toUpperCase(), testPassword);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/home');
    expect(String(response.headers['set-cookie'])).toMatch(/hearth_session=[^;]+;.*HttpOnly.*SameSite=Lax/);
    expect(String(response.headers['set-cookie'])).not.toMatch(/Secure/);
  });

  it('gives a wrong password, an unknown email and a locked account the same answer, and locks after 10 failures', async () => {
    const target = await newWorker(db, council, 'social-worker');
    const wrong = await attempt(target.email, 'not the right password');
    const unknown = await attempt('nobody.here@council.example', 'not the right password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body).toContain(sameRefusal);
    expect(unknown.body).toContain(sameRefusal);
    for (let failure = 2; failure <= 10; failure += 1) await attempt(target.email, 'still not the right one');
    const locked = await attempt(target.email, testPassword);
    expect(locked.statusCode).toBe(401);
    expect(locked.body).toContain(sameRefusal);
    const refusals = await db
      .selectFrom('audit_log')
      .select('details')
      .where('user_id', '=', target.userId)
      .where('action', '=', 'user.sign-in.refused')
      .orderBy('seq')
      .execute();
    expect(refusals).toHaveLength(11);
    expect(refusals[9]!.details).toEqual({ reason: 'wrong-password', locked: true });
    expect(refusals[10]!.details).toEqual({ reason: 'locked' });

    now = new Date(now.getTime() + 16 * 60_000);
    expect((await attempt(target.email, testPassword)).statusCode).toBe(303);
  });

  it('writes nothing when the CSRF token is missing or wrong', async () => {
    const browser = new TestBrowser(app);
    await browser.get('/sign-in');
    const noToken = await browser.request({
      method: 'POST',
      url: '/sign-in',
      form: { email: worker.email, password: testPassword },
      csrf: false,
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.headers['set-cookie'] ?? '').not.toMatch(/hearth_session/);

    const signedIn = await signedInAs(app, worker);
    const before = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('council_id', '=', council.id)
      .executeTakeFirstOrThrow();
    const edit = await signedIn.request({
      method: 'POST',
      url: `/children/${child.id}/edit`,
      form: { _csrf: 'forged', version: '1', givenName: 'Forged', familyName: 'Name' },
      csrf: false,
    });
    expect(edit.statusCode).toBe(403);
    const api = await signedIn.request({
      method: 'PATCH',
      url: `/api/children/${child.id}`,
      json: { version: 1, givenName: 'Forged', familyName: 'Name', dateOfBirth: null },
      csrf: false,
    });
    expect(api.statusCode).toBe(403);
    const stored = await db
      .selectFrom('children')
      .select(['given_name', 'version'])
      .where('id', '=', child.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ given_name: 'Alex', version: 1 });
    const after = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('council_id', '=', council.id)
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('ends a session after 30 idle minutes, and keeps the text of a form submitted after it ended', async () => {
    const browser = await signedInAs(app, worker);
    now = new Date(now.getTime() + 29 * 60_000);
    expect((await browser.get('/home')).statusCode).toBe(200);
    const form = await browser.get(`/children/${child.id}/edit`);
    expect(form.statusCode).toBe(200);

    now = new Date(now.getTime() + 31 * 60_000);
    const submitted = await browser.post(`/children/${child.id}/edit`, {
      version: '1',
      givenName: 'Alexandra',
      familyName: 'Taylor',
      'dateOfBirth-day': '27',
      'dateOfBirth-month': '3',
      'dateOfBirth-year': '2015',
    });
    expect(submitted.statusCode).toBe(303);
    const signInPage = String(submitted.headers.location);
    expect(signInPage).toMatch(/^\/sign-in\?returnTo=%2Fchildren%2F[^&]+%2Fedit&stash=[\w-]+&ended=1$/);
    const unchanged = await db
      .selectFrom('children')
      .select('given_name')
      .where('id', '=', child.id)
      .executeTakeFirstOrThrow();
    expect(unchanged.given_name).toBe('Alex');

    const page = await browser.get(signInPage);
    expect(page.body).toContain('What you had typed has been kept');
    const stash = new URLSearchParams(signInPage.split('?')[1]).get('stash')!;
    const signedIn = await browser.post('/sign-in', {
      email: worker.email,
      password: testPassword,
      returnTo: `/children/${child.id}/edit`,
      stash,
    });
    expect(signedIn.headers.location).toBe(`/children/${child.id}/edit?restore=${stash}`);
    const restored = await browser.get(String(signedIn.headers.location));
    expect(restored.body).toContain('value="Alexandra"');
    // A stash is for its owner once: another person, or a second look, finds nothing.
    expect((await browser.get(String(signedIn.headers.location))).body).not.toContain('value="Alexandra"');
  });

  it('ends a session 12 hours after sign-in however busy it was', async () => {
    const browser = await signedInAs(app, worker);
    for (let hour = 0; hour < 12 * 3; hour += 1) {
      now = new Date(now.getTime() + 20 * 60_000);
      expect((await browser.get('/home')).statusCode).toBe(200);
    }
    now = new Date(now.getTime() + 20 * 60_000);
    const expired = await browser.get('/home');
    expect(expired.statusCode).toBe(303);
    expect(expired.headers.location).toMatch(/^\/sign-in\?.*ended=1/);
  });
});

describe('API tokens', async () => {
  const { app, db } = await testServer();
  const council = await newCouncil(db);
  const worker = await newWorker(db, council, 'social-worker');
  const child = await newChild(db, council);
  await allocate(db, child, worker);

  it('authorises with a Bearer token, and refuses a malformed, unknown or revoked one with 401', async () => {
    const { token } = await createApiToken(db, {
      email: worker.email,
      name: 'case system bridge',
      now: new Date(),
    });
    const stored = await db
      .selectFrom('api_tokens')
      .select('token_hash')
      .where('user_id', '=', worker.userId)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    const call = (authorization: string) => app.inject({ url: '/api/children', headers: { authorization } });

    const ok = await call(`Bearer ${token}`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual([expect.objectContaining({ id: child.id })]);
    expect((await call('Bearer not-a-token')).statusCode).toBe(401);
    expect((await call(`Bearer ${token.slice(0, -1)}x`)).statusCode).toBe(401);
    expect((await call(token)).statusCode).toBe(401);

    await revokeApiToken(db, { email: worker.email, name: 'case system bridge', now: new Date() });
    expect((await call(`Bearer ${token}`)).statusCode).toBe(401);
  });
});

describe('in production', async () => {
  const db = await testDatabase();
  const app = await buildHearth({
    config: loadTestConfig({ env: 'production', sessionSecret: 'p'.repeat(40) }),
    db,
  });
  const council = await newCouncil(db);
  const worker = await newWorker(db, council, 'social-worker');

  it('marks the session cookie Secure', async () => {
    const browser = new TestBrowser(app);
    await browser.get('/sign-in');
    const response = await browser.post('/sign-in', { email: worker.email, password: testPassword });
    expect(String(response.headers['set-cookie'])).toMatch(/hearth_session=[^;]+;.*Secure/);
    await app.close();
  });
});

describe('sign-in rate limit', async () => {
  const { app } = await testServer({ config: { signInsPerMinute: 3 } });

  it('answers 429 once one address has tried too often in a minute', async () => {
    const browser = new TestBrowser(app);
    await browser.get('/sign-in');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) {
      statuses.push(
        (await browser.post('/sign-in', { email: 'someone@council.example', password: 'guess number one' }))
          .statusCode,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});
