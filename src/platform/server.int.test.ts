import { describe, expect, it } from 'vitest';
import { loadTestConfig } from './config.ts';
import { buildHearth } from '../app.ts';
import { access } from './route-table.ts';
import { testDatabase, testServer } from '../../test/support/world.ts';

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

  it('never shows a stack trace in production', async () => {
    const app = await serverThatFails('production');
    const page = await app.inject({ url: '/boom' });
    expect(page.statusCode).toBe(500);
    expect(page.body).toContain('Sorry, there is a problem with the service');
    expect(page.body).not.toContain('secret internals');
    expect(page.body).not.toContain('server.int.test.ts');
    const api = await app.inject({ url: '/api/boom' });
    expect(api.statusCode).toBe(500);
    expect(api.body).not.toContain('secret internals');
    await app.close();
  });

  it('shows the stack trace to developers outside production, but never in the API', async () => {
    const app = await serverThatFails('development');
    const page = await app.inject({ url: '/boom' });
    expect(page.statusCode).toBe(500);
    expect(page.body).toContain('secret internals at line 42');
    const api = await app.inject({ url: '/api/boom' });
    expect(api.body).not.toContain('secret internals');
    await app.close();
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
