import { describe, expect, it } from 'vitest';
import { totpCodeAt } from '../../platform/totp.ts';
import { removeCodesFor } from './service.ts';
import {
  newCouncil,
  newWorker,
  signedInAs,
  testPassword,
  testServer,
  TestBrowser,
  type TestWorker,
} from '../../../test/support/world.ts';

describe('sign-in codes from an authenticator app', async () => {
  // The clock starts now (cookies' expiry is real time) and moves on by whole 30-second steps.
  let now = new Date(Math.floor(Date.now() / 30_000) * 30_000 + 5_000);
  const nextStep = () => (now = new Date(now.getTime() + 30_000));
  const { app, db } = await testServer({ clock: () => now });
  const council = await newCouncil(db);
  /** Six digits that are not the code of this step nor of the steps either side. */
  const wrongCode = (secret: string) => {
    const near = [-30_000, 0, 30_000].map((offset) => totpCodeAt(secret, new Date(now.getTime() + offset)));
    return ['000000', '111111', '222222', '333333'].find((code) => !near.includes(code))!;
  };

  /** Sets up codes for a worker through the pages, returning the secret as the page showed it. */
  async function setUpCodes(worker: TestWorker): Promise<string> {
    const browser = await signedInAs(app, worker);
    expect((await browser.get('/account/sign-in-codes')).body).toContain('Set up sign-in codes');
    const setUp = await browser.post('/account/sign-in-codes/start', {});
    expect(setUp.statusCode).toBe(200);
    expect(setUp.body).toMatch(/<img src="data:image\/png;base64,[^"]+"[^>]*alt="QR code/);
    const secret = /data-qa="secret-key"><code>([A-Z2-7 ]+)<\/code>/
      .exec(setUp.body)![1]!
      .replaceAll(' ', '');
    const wrong = await browser.post('/account/sign-in-codes', { code: wrongCode(secret) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Enter the code your authenticator app shows now');
    expect(wrong.body).toContain(secret.slice(0, 4));
    const confirmed = await browser.post('/account/sign-in-codes', { code: totpCodeAt(secret, now) });
    expect(confirmed.statusCode).toBe(303);
    const page = await browser.get('/account/sign-in-codes');
    expect(page.body).toContain('Sign-in codes are on');
    expect(page.body).not.toContain(secret.slice(0, 4) + ' ');
    // Asking to set up again shows no secret: it is never shown after it was confirmed.
    const again = await browser.post('/account/sign-in-codes/start', {});
    expect(again.statusCode).toBe(303);
    nextStep();
    return secret;
  }

  async function passwordStep(worker: TestWorker) {
    const browser = new TestBrowser(app);
    await browser.get('/sign-in');
    const response = await browser.post('/sign-in', { email: worker.email, password: testPassword });
    return { browser, response };
  }

  it('sets up codes, keeps the secret sealed, and then asks for a code after the password', async () => {
    const worker = await newWorker(db, council, 'social-worker');
    const secret = await setUpCodes(worker);
    const stored = await db
      .selectFrom('users')
      .select(['totp_secret', 'totp_enrolled_at'])
      .where('id', '=', worker.userId)
      .executeTakeFirstOrThrow();
    expect(stored.totp_enrolled_at).not.toBeNull();
    expect(stored.totp_secret).not.toContain(secret);

    const { browser, response } = await passwordStep(worker);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/sign-in/code');
    expect(browser.cookies.has('hearth_session')).toBe(false);
    expect((await browser.get('/home')).statusCode).toBe(303);

    const codePage = await browser.get('/sign-in/code');
    expect(codePage.body).toContain('Enter the code from your authenticator app');
    expect(codePage.body).toContain('autocomplete="one-time-code"');
    const wrong = await browser.post('/sign-in/code', { code: '12345' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('Enter the code your authenticator app shows now');
    expect(browser.cookies.has('hearth_session')).toBe(false);

    const signedIn = await browser.post('/sign-in/code', { code: totpCodeAt(secret, now) });
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe('/home');
    expect((await browser.get('/home')).statusCode).toBe(200);
    const entries = await db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('user_id', '=', worker.userId)
      .where('action', 'in', ['user.signed-in', 'user.sign-in.refused', 'user.sign-in-code.set-up'])
      .orderBy('seq')
      .execute();
    expect(entries).toEqual([
      { action: 'user.signed-in', details: { method: 'password' } },
      { action: 'user.sign-in-code.set-up', details: {} },
      { action: 'user.sign-in.refused', details: { reason: 'wrong-code' } },
      { action: 'user.signed-in', details: { method: 'password and code' } },
    ]);

    // The same code, seen over a shoulder, does not sign anyone in again.
    const replay = await passwordStep(worker);
    expect((await replay.browser.post('/sign-in/code', { code: totpCodeAt(secret, now) })).statusCode).toBe(
      401,
    );
  });

  it('asks for the password first: without it the code page sends people to sign in', async () => {
    const browser = new TestBrowser(app);
    await browser.get('/sign-in');
    expect((await browser.get('/sign-in/code')).headers.location).toBe('/sign-in');
    const posted = await browser.post('/sign-in/code', { code: '123456' });
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe('/sign-in');
    expect(browser.cookies.has('hearth_session')).toBe(false);
  });

  it('locks the account after 10 wrong codes in a row, as it does after 10 wrong passwords', async () => {
    const worker = await newWorker(db, council, 'team-manager');
    const secret = await setUpCodes(worker);
    const { browser } = await passwordStep(worker);
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect((await browser.post('/sign-in/code', { code: wrongCode(secret) })).statusCode).toBe(401);
    }
    nextStep();
    expect((await browser.post('/sign-in/code', { code: totpCodeAt(secret, now) })).statusCode).toBe(401);
    const refusals = await db
      .selectFrom('audit_log')
      .select('details')
      .where('user_id', '=', worker.userId)
      .where('action', '=', 'user.sign-in.refused')
      .orderBy('seq')
      .execute();
    expect(refusals.at(-2)!.details).toEqual({ reason: 'wrong-code', locked: true });
    expect(refusals.at(-1)!.details).toEqual({ reason: 'locked' });
  });

  it('turns codes off only with a right code', async () => {
    const worker = await newWorker(db, council, 'social-worker');
    const secret = await setUpCodes(worker);
    const { browser } = await passwordStep(worker);
    await browser.post('/sign-in/code', { code: totpCodeAt(secret, now) });
    expect((await browser.get('/account/sign-in-codes')).body).toContain('Turn sign-in codes off');
    nextStep();
    const refused = await browser.post('/account/sign-in-codes/off', { code: '' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Enter the code from your authenticator app');
    const off = await browser.post('/account/sign-in-codes/off', { code: totpCodeAt(secret, now) });
    expect(off.statusCode).toBe(303);
    const again = await passwordStep(worker);
    expect(again.response.headers.location).toBe('/home');
  });
});

describe('an administrator turning off someone’s codes', async () => {
  const { app, db } = await testServer();
  const council = await newCouncil(db);

  it('lets the password alone sign them in again, and audits it', async () => {
    const worker = await newWorker(db, council, 'social-worker');
    await db
      .updateTable('users')
      .set({ totp_secret: 'sealed', totp_enrolled_at: new Date(), totp_last_step: 1 })
      .where('id', '=', worker.userId)
      .execute();
    const browser = new TestBrowser(app);
    await browser.get('/sign-in');
    expect(
      (await browser.post('/sign-in', { email: worker.email, password: testPassword })).headers.location,
    ).toBe('/sign-in/code');
    expect(await removeCodesFor(db, { email: worker.email.toUpperCase(), now: new Date() })).toBe(true);
    expect(await removeCodesFor(db, { email: worker.email, now: new Date() })).toBe(false);
    expect(
      (await browser.post('/sign-in', { email: worker.email, password: testPassword })).headers.location,
    ).toBe('/home');
    const removed = await db
      .selectFrom('audit_log')
      .select('details')
      .where('council_id', '=', council.id)
      .where('action', '=', 'user.sign-in-code.removed')
      .execute();
    expect(removed).toEqual([{ details: { userId: worker.userId, by: 'administrator' } }]);
  });
});

describe('sign-in code rate limit', async () => {
  const { app } = await testServer({ config: { signInsPerMinute: 3 } });

  it('answers 429 once one address has tried too many codes in a minute', async () => {
    const browser = new TestBrowser(app);
    await browser.get('/sign-in');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) {
      statuses.push((await browser.post('/sign-in/code', { code: '123456' })).statusCode);
    }
    expect(statuses).toEqual([303, 303, 303, 429]);
  });
});
