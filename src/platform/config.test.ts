import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, redactUrl } from './config.ts';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

const productionSecrets = { HEARTH_SESSION_SECRET: 'x'.repeat(40), HEARTH_AUDIT_KEY: 'k'.repeat(40) };

describe('loadConfig', () => {
  it('works with no variables at all, on the embedded database', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: 'development',
      port: 3000,
      databaseUrl: 'pglite://./data/hearth',
      sessionIdleMinutes: 30,
      sessionMaxHours: 12,
      demo: true,
      reloadViews: false,
    });
  });

  it.each([
    [{ HEARTH_DATABASE_URL: 'mysql://localhost/hearth' }, 'HEARTH_DATABASE_URL'],
    [{ HEARTH_DATABASE_URL: 'hearth.db' }, 'HEARTH_DATABASE_URL'],
    [{ HEARTH_PORT: 'eighty' }, 'HEARTH_PORT'],
    [{ HEARTH_PORT: '70000' }, 'HEARTH_PORT'],
    [{ HEARTH_PORT: '-1' }, 'HEARTH_PORT'],
    [{ HEARTH_ENV: 'staging' }, 'HEARTH_ENV'],
    [{ HEARTH_SESSION_IDLE_MINUTES: '0' }, 'HEARTH_SESSION_IDLE_MINUTES'],
    [{ HEARTH_DEMO: 'yes' }, 'HEARTH_DEMO'],
    [{ HEARTH_RELOAD_VIEWS: 'yes' }, 'HEARTH_RELOAD_VIEWS'],
    [{ HEARTH_RELOAD_VIEWS: 'on', HEARTH_ENV: 'production', ...productionSecrets }, 'HEARTH_RELOAD_VIEWS'],
    [{ HEARTH_LOG_LEVEL: 'loud' }, 'HEARTH_LOG_LEVEL'],
    [{ HEARTH_ENV: 'production', HEARTH_AUDIT_KEY: 'k'.repeat(32) }, 'HEARTH_SESSION_SECRET'],
    [{ HEARTH_SESSION_SECRET: 'short' }, 'HEARTH_SESSION_SECRET'],
    [{ HEARTH_ENV: 'production', HEARTH_SESSION_SECRET: 'x'.repeat(32) }, 'HEARTH_AUDIT_KEY'],
    [{ HEARTH_AUDIT_KEY: 'short' }, 'HEARTH_AUDIT_KEY'],
    [{ HEARTH_AUDIT_CHECKPOINT_SECONDS: '0' }, 'HEARTH_AUDIT_CHECKPOINT_SECONDS'],
  ])('refuses %o with one line naming %s', (env, variable) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${variable} `));
  });

  it('lists every problem at once', () => {
    const problems = problemsOf({ HEARTH_ENV: 'production', HEARTH_PORT: 'x', HEARTH_DATABASE_URL: 'nope' });
    expect(problems.map((problem) => problem.split(' ')[0]).sort()).toEqual([
      'HEARTH_AUDIT_KEY',
      'HEARTH_DATABASE_URL',
      'HEARTH_PORT',
      'HEARTH_SESSION_SECRET',
    ]);
  });

  it('never loads the demo council in production', () => {
    const config = loadConfig({
      HEARTH_ENV: 'production',
      ...productionSecrets,
      HEARTH_DEMO: 'on',
    });
    expect(config.demo).toBe(false);
  });

  it('does not print a database password in its messages', () => {
    expect(redactUrl('postgres://hearth:s3cret@db:5432/hearth')).toBe('postgres://hearth:***@db:5432/hearth');
    expect(problemsOf({ HEARTH_DATABASE_URL: 'mysql://u:s3cret@h/db' })[0]).not.toContain('s3cret');
  });

  describe('single sign-on', () => {
    const council = '0190a6f0-0000-7000-8000-000000000001';
    const complete = {
      HEARTH_OIDC_ISSUER: 'https://login.microsoftonline.com/tenant-id/v2.0',
      HEARTH_OIDC_CLIENT_ID: 'hearth',
      HEARTH_OIDC_CLIENT_SECRET: 'client secret',
      HEARTH_OIDC_REDIRECT_URI: 'https://hearth.council.example/sign-in/oidc/callback',
      HEARTH_OIDC_COUNCIL: council,
      HEARTH_OIDC_GROUP_ROLES: '{"g-managers":"team-manager","g-workers":"social-worker"}',
      HEARTH_OIDC_GROUP_TEAMS: '{"g-north":"North assessment"}',
    };

    it('reads the provider and the group mappings in their order, with password sign-in on by default', () => {
      const config = loadConfig(complete);
      expect(config.singleSignOn).toMatchObject({
        councilId: council,
        groupsClaim: 'groups',
        scopes: 'openid email profile',
        groupRoles: [
          ['g-managers', 'team-manager'],
          ['g-workers', 'social-worker'],
        ],
        groupTeams: [['g-north', 'North assessment']],
      });
      expect(config.passwordSignIn).toBe(true);
      expect(loadConfig({ ...complete, HEARTH_PASSWORD_SIGN_IN: 'off' }).passwordSignIn).toBe(false);
      expect(loadConfig({}).singleSignOn).toBeNull();
    });

    it.each([
      [{ HEARTH_PASSWORD_SIGN_IN: 'off' }, 'HEARTH_PASSWORD_SIGN_IN'],
      [{ ...complete, HEARTH_PASSWORD_SIGN_IN: 'no' }, 'HEARTH_PASSWORD_SIGN_IN'],
      [{ HEARTH_OIDC_CLIENT_ID: 'hearth' }, 'HEARTH_OIDC_CLIENT_ID'],
      [{ ...complete, HEARTH_OIDC_ISSUER: 'http://login.example' }, 'HEARTH_OIDC_ISSUER'],
      [{ ...complete, HEARTH_OIDC_CLIENT_SECRET: '' }, 'HEARTH_OIDC_CLIENT_SECRET'],
      [{ ...complete, HEARTH_OIDC_COUNCIL: 'Testshire' }, 'HEARTH_OIDC_COUNCIL'],
      [{ ...complete, HEARTH_OIDC_GROUP_ROLES: '' }, 'HEARTH_OIDC_GROUP_ROLES'],
      [{ ...complete, HEARTH_OIDC_GROUP_ROLES: '{"g": "wizard"}' }, 'HEARTH_OIDC_GROUP_ROLES'],
      [{ ...complete, HEARTH_OIDC_GROUP_ROLES: '["social-worker"]' }, 'HEARTH_OIDC_GROUP_ROLES'],
      [{ ...complete, HEARTH_OIDC_GROUP_TEAMS: '{g: 1}' }, 'HEARTH_OIDC_GROUP_TEAMS'],
      [{ HEARTH_TOTP_KEY: 'short' }, 'HEARTH_TOTP_KEY'],
    ])('refuses %o with one line naming %s', (env, variable) => {
      const problems = problemsOf(env);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(new RegExp(`^${variable} `));
    });

    it('allows a plain http provider only on this machine', () => {
      const local = { ...complete, HEARTH_OIDC_ISSUER: 'http://127.0.0.1:4000' };
      expect(loadConfig(local).singleSignOn?.issuer).toBe('http://127.0.0.1:4000');
    });
  });
});
