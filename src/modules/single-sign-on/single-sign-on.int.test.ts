import type { Server } from 'node:http';
import Provider from 'oidc-provider';
import { afterAll, describe, expect, it } from 'vitest';
import { buildHearth } from '../../app.ts';
import { loadTestConfig } from '../../platform/config.ts';
import { VISITOR_COOKIE, visitorCsrfToken } from '../../platform/sessions.ts';
import type { SingleSignOnConfig } from '../../platform/single-sign-on-config.ts';
import { freePort, UserAgent } from '../../../test/support/user-agent.ts';
import {
  newCouncil,
  newTeam,
  newWorker,
  testDatabase,
  testPassword,
  TestBrowser,
} from '../../../test/support/world.ts';

/**
 * Single sign-on against a real OpenID Connect provider: panva's `oidc-provider` runs in this process on a port
 * of its own, with its development sign-in pages, and Hearth runs on another. A user agent over real HTTP goes
 * from Hearth to the provider, signs in there by typing a test account's login, consents, and is sent back to
 * Hearth's callback, which checks state, PKCE and the ID token's nonce and signature.
 */
describe('single sign-on through the council’s provider', async () => {
  const db = await testDatabase();
  const council = await newCouncil(db, 'Ssoshire');
  const north = await newTeam(db, council, { name: 'North assessment' });
  const south = await newTeam(db, council, { name: 'South assessment' });
  const existing = await newWorker(db, council, 'social-worker');

  const [providerPort, hearthPort] = [await freePort(), await freePort()];
  const issuer = `http://127.0.0.1:${providerPort}`;
  const hearth = `http://127.0.0.1:${hearthPort}`;

  /** The directory: each test account's claims, groups included, as Entra ID puts them in the ID token. */
  const directory: Record<
    string,
    { email: string; given_name: string; family_name: string; groups: string[] }
  > = {
    'priya.new': {
      email: 'priya.shah@ssoshire.example',
      given_name: 'Priya',
      family_name: 'Shah',
      groups: ['everyone', 'g-social-workers', 'g-north'],
    },
    'existing.worker': {
      email: existing.email,
      given_name: 'Sam',
      family_name: 'Jones',
      groups: ['g-social-workers'],
    },
    'no.access': {
      email: 'no.access@ssoshire.example',
      given_name: 'Nico',
      family_name: 'Access',
      groups: ['everyone', 'g-north'],
    },
  };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'hearth',
        client_secret: 'hearth-test-client-secret',
        redirect_uris: [`${hearth}/sign-in/oidc/callback`],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'given_name', 'family_name'],
      groups: ['groups'],
    },
    // Like Entra ID, put the scopes' claims (groups among them) in the ID token itself.
    conformIdTokenClaims: false,
    cookies: { keys: ['a test cookie key for the provider only'] },
    findAccount: (_context, login) => {
      const person = directory[login];
      if (!person) return undefined;
      return {
        accountId: login,
        claims: () => ({ sub: `subject-${login}`, email_verified: true, ...person }),
      };
    },
  });
  const providerServer: Server = provider.listen(providerPort);

  const settings: SingleSignOnConfig = {
    issuer,
    clientId: 'hearth',
    clientSecret: 'hearth-test-client-secret',
    redirectUri: `${hearth}/sign-in/oidc/callback`,
    councilId: council.id,
    providerName: 'Ssoshire account',
    scopes: 'openid email profile groups',
    groupsClaim: 'groups',
    groupRoles: [
      ['g-managers', 'team-manager'],
      ['g-social-workers', 'social-worker'],
    ],
    groupTeams: [
      ['g-north', 'North assessment'],
      ['g-south', 'South assessment'],
    ],
  };
  const app = await buildHearth({ config: loadTestConfig({ singleSignOn: settings }), db });
  await app.listen({ port: hearthPort, host: '127.0.0.1' });
  afterAll(async () => {
    await app.close();
    await new Promise((resolve) => providerServer.close(resolve));
  });

  /** From Hearth's sign-in page through the provider's login and consent pages, back to Hearth. */
  async function signInAtProvider(
    login: string,
    agent = new UserAgent(),
    options: { tamper?: boolean } = {},
  ) {
    const signInPage = await agent.fetch(`${hearth}/sign-in?returnTo=%2Fcaseload`);
    const button = /href="(\/sign-in\/oidc\?returnTo=[^"]+)"/.exec(signInPage.body)?.[1];
    expect(button).toBeDefined();
    const loginPage = await agent.fetch(`${hearth}${button!.replaceAll('&amp;', '&')}`);
    expect(loginPage.url.startsWith(issuer)).toBe(true);
    let consentPage = await agent.submit(loginPage, '/interaction/', { login, password: 'any' });
    if (!consentPage.body.includes('name="prompt" value="consent"')) return consentPage;
    if (!options.tamper) return agent.submit(consentPage, '/interaction/');
    // Stop at the redirect back to Hearth, and change the state in it.
    consentPage = await agent.fetch(
      new URL(/action="([^"]+)"/.exec(consentPage.body)![1]!, consentPage.url).href,
      { form: { prompt: 'consent' }, follow: false },
    );
    let location = consentPage.location!;
    while (!location.startsWith(hearth)) {
      location = (await agent.fetch(new URL(location, issuer).href, { follow: false })).location!;
    }
    const tampered = new URL(location);
    expect(tampered.searchParams.get('state')).toBeTruthy();
    tampered.searchParams.set('state', `${tampered.searchParams.get('state')}x`);
    return agent.fetch(tampered.href);
  }

  const userByEmail = (email: string) =>
    db
      .selectFrom('users as u')
      .innerJoin('workers as w', (join) =>
        join.onRef('w.council_id', '=', 'u.council_id').onRef('w.id', '=', 'u.worker_id'),
      )
      .select([
        'u.id',
        'u.worker_id',
        'u.password_hash',
        'u.oidc_subject',
        'w.role',
        'w.given_name',
        'w.family_name',
      ])
      .where('u.email', '=', email)
      .execute();
  const teamsOf = (workerId: string) =>
    db
      .selectFrom('team_memberships')
      .select(['team_id', 'manages', 'to_date'])
      .where('council_id', '=', council.id)
      .where('worker_id', '=', workerId)
      .orderBy('from_date')
      .execute();
  const actionsOf = (userId: string) =>
    db
      .selectFrom('audit_log')
      .select(['action', 'outcome', 'details'])
      .where('council_id', '=', council.id)
      .where('user_id', '=', userId)
      .orderBy('seq')
      .execute();

  it('provisions a new person with the role and team their groups map to, and brings them back where they were going', async () => {
    const agent = new UserAgent();
    const landed = await signInAtProvider('priya.new', agent);
    expect(landed.status).toBe(200);
    expect(landed.url).toBe(`${hearth}/caseload`);
    expect(agent.cookie(hearth, 'hearth_session')).toBeDefined();
    expect(agent.visited.some((url) => url.startsWith(`${hearth}/sign-in/oidc/callback?code=`))).toBe(true);

    const [priya] = await userByEmail('priya.shah@ssoshire.example');
    expect(priya).toMatchObject({
      role: 'social-worker',
      given_name: 'Priya',
      family_name: 'Shah',
      password_hash: null,
      oidc_subject: 'priya.new',
    });
    expect(await teamsOf(priya!.worker_id)).toEqual([{ team_id: north.id, manages: false, to_date: null }]);
    const actions = await actionsOf(priya!.id);
    expect(actions.map((entry) => entry.action)).toEqual([
      'user.provisioned',
      'user.signed-in',
      'caseload.viewed',
    ]);
    expect(actions[1]!.details).toEqual({ method: 'single-sign-on' });
  });

  it('follows the directory at the next sign-in: a new role, a new team, the old team ended, and the same account', async () => {
    directory['priya.new']!.groups = ['g-social-workers', 'g-managers', 'g-south'];
    const landed = await signInAtProvider('priya.new');
    expect(landed.status).toBe(200);
    const accounts = await userByEmail('priya.shah@ssoshire.example');
    expect(accounts).toHaveLength(1);
    expect(accounts[0]!.role).toBe('team-manager');
    // North began today, so it is removed rather than ended; South is managed from today.
    expect(await teamsOf(accounts[0]!.worker_id)).toEqual([
      { team_id: south.id, manages: true, to_date: null },
    ]);
    const changed = (await actionsOf(accounts[0]!.id)).find((entry) => entry.action === 'user.changed');
    expect(changed?.details).toMatchObject({
      by: 'directory',
      role: { was: 'social-worker', now: 'team-manager' },
      joined: ['South assessment'],
      left: ['North assessment'],
    });
  });

  it('matches a person Hearth already knows by their email, links them, and leaves their password as it was', async () => {
    const landed = await signInAtProvider('existing.worker');
    expect(landed.status).toBe(200);
    const accounts = await userByEmail(existing.email);
    expect(accounts).toHaveLength(1);
    expect(accounts[0]!.oidc_subject).toBe('existing.worker');
    expect(accounts[0]!.password_hash).not.toBeNull();
    const browser = new TestBrowser(app);
    await browser.get('/sign-in');
    expect(
      (await browser.post('/sign-in', { email: existing.email, password: testPassword })).statusCode,
    ).toBe(303);
  });

  it('refuses someone in no group that gives a role, with a page that says why, and makes no account', async () => {
    const agent = new UserAgent();
    const refused = await signInAtProvider('no.access', agent);
    expect(refused.status).toBe(403);
    expect(refused.body).toContain('You do not have access to Hearth');
    expect(refused.body).toContain('not in any of the groups that give access to Hearth');
    expect(agent.cookie(hearth, 'hearth_session')).toBeUndefined();
    expect(await userByEmail('no.access@ssoshire.example')).toEqual([]);
    const refusal = await db
      .selectFrom('audit_log')
      .select(['outcome', 'details'])
      .where('council_id', '=', council.id)
      .where('action', '=', 'user.sign-in.refused')
      .executeTakeFirstOrThrow();
    expect(refusal).toEqual({
      outcome: 'refused',
      details: { reason: 'no-mapped-group', method: 'single-sign-on', subject: 'no.access' },
    });
  });

  it('refuses an answer whose state was changed on the way back, and a callback with no sign-in begun', async () => {
    const agent = new UserAgent();
    const tampered = await signInAtProvider('priya.new', agent, { tamper: true });
    expect(tampered.status).toBe(400);
    expect(tampered.body).toContain('Sign-in did not finish');
    expect(agent.cookie(hearth, 'hearth_session')).toBeUndefined();

    const stranger = new UserAgent();
    const forged = await stranger.fetch(`${hearth}/sign-in/oidc/callback?code=forged&state=forged`);
    expect(forged.status).toBe(400);
    expect(stranger.cookie(hearth, 'hearth_session')).toBeUndefined();
  });
});

describe('with password sign-in turned off', async () => {
  const db = await testDatabase();
  const council = await newCouncil(db);
  const worker = await newWorker(db, council, 'social-worker');
  const app = await buildHearth({
    config: loadTestConfig({
      passwordSignIn: false,
      singleSignOn: {
        issuer: 'https://login.council.example',
        clientId: 'hearth',
        clientSecret: 'secret',
        redirectUri: 'https://hearth.council.example/sign-in/oidc/callback',
        councilId: council.id,
        providerName: 'your council account',
        scopes: 'openid email profile',
        groupsClaim: 'groups',
        groupRoles: [['g', 'social-worker']],
        groupTeams: [],
      },
    }),
    db,
  });
  afterAll(() => app.close());

  it('offers only the council’s sign-in, and refuses even a right password', async () => {
    const browser = new TestBrowser(app);
    const page = await browser.get('/sign-in');
    expect(page.body).toContain('Sign in with your council account');
    expect(page.body).not.toContain('name="password"');
    // No password form, so no token on the page: post as a forged form would, with the visitor's right token.
    browser.csrfToken = visitorCsrfToken(
      app.hearth.config.sessionSecret,
      browser.cookies.get(VISITOR_COOKIE)!,
    );
    const refused = await browser.post('/sign-in', { email: worker.email, password: testPassword });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('passwords are not used');
    expect(String(refused.headers['set-cookie'] ?? '')).not.toContain('hearth_session');
  });
});
