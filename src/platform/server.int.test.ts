import { describe, expect, it } from 'vitest';
import { loadTestConfig } from './config.ts';
import { buildHearth } from '../app.ts';
import { access } from './route-table.ts';
import {
  allocate,
  newChild,
  newCouncil,
  newWorker,
  signedInAs,
  testDatabase,
  testServer,
} from '../../test/support/world.ts';

describe('the Hearth server', async () => {
  const { app } = await testServer();

  it('answers /health with bare JSON', async () => {
    const response = await app.inject({ url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('renders the start page in the GOV.UK layout with a skip link and phase banner', async () => {
    const response = await app.inject({ url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('href="/govuk/govuk-frontend.min.css"');
    expect(response.body).toContain('class="govuk-skip-link"');
    expect(response.body).toContain('govuk-phase-banner');
    expect(response.body).toMatch(/<h1 class="govuk-heading-xl">Hearth<\/h1>/);
    expect(response.body).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
  });

  it('serves govuk-frontend from the package, not a CDN', async () => {
    const css = await app.inject({ url: '/govuk/govuk-frontend.min.css' });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toMatch(/text\/css/);
    const font = await app.inject({ url: '/assets/fonts/bold-b542beb274-v2.woff2' });
    expect(font.statusCode).toBe(200);
    expect((await app.inject({ url: '/govuk/template.njk' })).statusCode).toBe(404);
  });

  it('sets a content security policy without inline scripts', async () => {
    const response = await app.inject({ url: '/' });
    expect(response.headers['content-security-policy']).toContain("script-src 'self';");
  });

  it('publishes the API as OpenAPI', async () => {
    const response = await app.inject({ url: '/api/openapi.json' });
    expect(response.json()).toMatchObject({
      openapi: expect.stringMatching(/^3\./),
      paths: { '/health': {} },
    });
  });

  it('answers an unknown page with the GOV.UK not found page, and an unknown API path with a problem', async () => {
    const page = await app.inject({ url: '/no-such-page' });
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('Page not found');
    const api = await app.inject({ url: '/api/no-such-thing' });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(api.json()).toMatchObject({ status: 404, title: 'Page not found' });
  });
});

describe('unexpected errors', () => {
  async function serverThatFails(env: 'production' | 'development') {
    const db = await testDatabase();
    const config = loadTestConfig({ env, sessionSecret: 'x'.repeat(40) });
    const app = await buildHearth({ config, db });
    const failure = () => {
      throw new Error('secret internals at line 42');
    };
    app.get('/boom', { config: access('public', 'none') }, failure);
    app.get('/api/boom', { config: access('public', 'none') }, failure);
    await app.ready();
    return app;
  }

  it('never shows a stack trace to anyone, in any mode, on a page or in the API', async () => {
    for (const env of ['production', 'development'] as const) {
      const app = await serverThatFails(env);
      const page = await app.inject({ url: '/boom' });
      expect(page.statusCode).toBe(500);
      expect(page.body).toContain('Sorry, there is a problem with the service');
      expect(page.body).not.toContain('secret internals');
      expect(page.body).not.toContain('server.int.test.ts');
      const api = await app.inject({ url: '/api/boom' });
      expect(api.statusCode).toBe(500);
      expect(api.body).not.toContain('secret internals');
      await app.close();
    }
  });
});

describe('hostile input found by issue 22’s probe', async () => {
  const { app, db } = await testServer();
  const council = await newCouncil(db);
  const worker = await newWorker(db, council, 'social-worker');
  const child = await newChild(db, council);
  await allocate(db, child, worker);
  const session = await signedInAs(app, worker);
  const note = (json: Record<string, unknown>) =>
    session.request({ method: 'POST', url: `/api/children/${child.id}/notes`, json });
  const change = (json: Record<string, unknown>) =>
    session.request({ method: 'PATCH', url: `/api/children/${child.id}`, json });

  it('refuses a NUL character in any text with a 400 naming the field, and writes nothing', async () => {
    const response = await note({
      kind: 'visit',
      occurredOn: '2026-01-05',
      title: 'Visit',
      body: 'Saw\u0000her',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { path: 'body', message: expect.stringContaining('hidden character') },
    ]);
    const notes = await session.get(`/api/children/${child.id}/notes`);
    expect(notes.json()).toEqual([]);
  });

  it('refuses a version no record ever had, and a date in year 0000, with a 400 naming the field', async () => {
    for (const version of [2_147_483_648, 1e308]) {
      const response = await change({ version, givenName: 'A', familyName: 'B', dateOfBirth: null });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toContainEqual(expect.objectContaining({ path: 'version' }));
    }
    const response = await change({ version: 1, givenName: 'A', familyName: 'B', dateOfBirth: '0000-01-01' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toContainEqual(expect.objectContaining({ path: 'dateOfBirth' }));
  });

  it('tells browsers and proxies to keep no copy of a child’s record', async () => {
    const page = await session.get(`/children/${child.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect((await session.get(`/api/children/${child.id}`)).headers['cache-control']).toBe('no-store');
  });
});

describe('the address a request comes from', () => {
  async function serverBehind(trustedProxies: string[]) {
    const db = await testDatabase();
    const app = await buildHearth({ config: loadTestConfig({ trustedProxies }), db });
    app.get('/api/whoami', { config: access('public', 'none') }, async (request) => ({ ip: request.ip }));
    await app.ready();
    return app;
  }
  const forwarded = { 'x-forwarded-for': '203.0.113.9' };

  it('ignores X-Forwarded-For unless the request comes from a configured proxy', async () => {
    const open = await serverBehind([]);
    expect((await open.inject({ url: '/api/whoami', headers: forwarded })).json().ip).toBe('127.0.0.1');
    await open.close();
    const behindProxy = await serverBehind(['127.0.0.1']);
    expect((await behindProxy.inject({ url: '/api/whoami', headers: forwarded })).json().ip).toBe(
      '203.0.113.9',
    );
    await behindProxy.close();
  });
});

describe('the route table', () => {
  it('refuses to start while a route lacks a permission or an audit action, listing each', async () => {
    const db = await testDatabase();
    const app = await buildHearth({ config: loadTestConfig(), db });
    app.get('/forgotten', async () => 'no metadata');
    app.post('/half-done', { config: { permission: 'public' } }, async () => 'no audit action');
    await expect(app.ready()).rejects.toThrow(/GET \/forgotten[\s\S]*POST \/half-done/);
  });
});
