import { isIP } from 'node:net';
import { loadDfeApi, type DfeApiConfig } from './dfe-api-config.ts';
import { loadSingleSignOn, type SingleSignOnConfig } from './single-sign-on-config.ts';

/**
 * Hearth's configuration: every `HEARTH_*` variable, read and checked in one place (STYLE.md rule 12).
 * Every variable is listed in the README. `loadConfig` reports all problems at once, one line each, so an
 * administrator can fix them in one go.
 */

export const environments = ['development', 'test', 'production'] as const;
export type Environment = (typeof environments)[number];

export interface Config {
  env: Environment;
  host: string;
  port: number;
  databaseUrl: string;
  /** Signs session cookies. Required in production; a fixed development value otherwise. */
  sessionSecret: string;
  /** Minutes without a request before a session ends. */
  sessionIdleMinutes: number;
  /** Hours after sign-in when a session ends whatever the activity. */
  sessionMaxHours: number;
  /** Sign-in attempts allowed from one address per minute, before 429 Too Many Requests. */
  signInsPerMinute: number;
  /**
   * The reverse proxies (addresses or CIDR ranges) whose `X-Forwarded-For` is believed. Anyone else's is ignored,
   * so a client cannot choose the address its sign-in attempts are counted against.
   */
  trustedProxies: string[];
  /**
   * Signs the audit chain's checkpoints (HMAC-SHA256, ADR 13). Kept outside the database, so that whoever can
   * rewrite the database cannot sign a rewritten chain. Required in production; a fixed development value otherwise.
   */
  auditKey: string;
  /** Where each checkpoint is also appended as a JSON line, out of the database administrator's reach; optional. */
  auditCheckpointFile: string | null;
  /** Seconds between checkpoints of the chains that have grown. */
  auditCheckpointSeconds: number;
  logLevel: string;
  /** Load the demo council into an empty database on first start. */
  demo: boolean;
  demoPassword: string;
  /**
   * Re-read each page template from disk on every request, for someone editing the views. Off unless asked for:
   * compiling every template on every request cost a child's page 40 % of its time (issue 23).
   */
  reloadViews: boolean;
  /** The council's OpenID Connect provider, when people sign in through it (`HEARTH_OIDC_*`). */
  singleSignOn: SingleSignOnConfig | null;
  /** Whether people may sign in with an email and password; off leaves only single sign-on. */
  passwordSignIn: boolean;
  /**
   * Seals each person's one-time-code secret in the database. Defaults to the session secret; set it on its own
   * so the session secret can be changed without everyone having to set up their codes again.
   */
  totpKey: string;
  /**
   * The DfE's children's social care data receiver, when the council sends to it (`HEARTH_DFE_API_URL`,
   * `_TOKEN_URL`, `_CLIENT_ID`, `_CLIENT_SECRET`, `_SCOPE`, `_SUPPLIER_KEY`, `_COUNCIL`, and `_BATCH_SIZE`,
   * default 100): the daily job then sends the day's changed documents (issue 19, part 4). Null sends nothing.
   */
  dfeApi: DfeApiConfig | null;
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

type Env = Record<string, string | undefined>;

const databaseUrlPattern = /^(pglite:\/\/.+|memory:\/\/|postgres(ql)?:\/\/.+)$/;
const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const developmentSessionSecret = 'hearth-development-session-secret-not-for-production';
const developmentAuditKey = 'hearth-development-audit-key-not-for-production';
export const defaultDemoPassword = 'hearth-demo-password';

/** Reads the configuration from `env`, throwing a ConfigError that lists every problem found. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];

  const rawEnv = env.HEARTH_ENV ?? 'development';
  const envName = (environments as readonly string[]).includes(rawEnv) ? (rawEnv as Environment) : undefined;
  if (!envName) {
    problems.push(`HEARTH_ENV must be one of ${environments.join(', ')}; it is "${rawEnv}".`);
  }
  const production = envName === 'production';

  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}; it is "${raw}".`);
      return fallback;
    }
    return value;
  };

  const databaseUrl = env.HEARTH_DATABASE_URL || 'pglite://./data/hearth';
  if (!databaseUrlPattern.test(databaseUrl)) {
    problems.push(
      `HEARTH_DATABASE_URL must start with pglite://, memory:// or postgres://; it is "${redactUrl(databaseUrl)}".`,
    );
  }

  /** A secret: required in production, at least 32 characters, a fixed development value otherwise. */
  const secret = (name: string, developmentValue: string): string => {
    const value = env[name] ?? '';
    if (!value) {
      if (production) problems.push(`${name} must be set when HEARTH_ENV is production.`);
      return developmentValue;
    }
    if (value.length < 32) problems.push(`${name} must be at least 32 characters long.`);
    return value;
  };
  const sessionSecret = secret('HEARTH_SESSION_SECRET', developmentSessionSecret);

  const auditKey = secret('HEARTH_AUDIT_KEY', developmentAuditKey);

  const logLevel = env.HEARTH_LOG_LEVEL || (envName === 'test' ? 'silent' : 'info');
  if (!logLevels.includes(logLevel)) {
    problems.push(`HEARTH_LOG_LEVEL must be one of ${logLevels.join(', ')}; it is "${logLevel}".`);
  }

  const trustedProxies = (env.HEARTH_TRUSTED_PROXIES ?? '')
    .split(',')
    .map((proxy) => proxy.trim())
    .filter(Boolean);
  for (const proxy of trustedProxies) {
    if (!isAddressOrRange(proxy)) {
      problems.push(
        `HEARTH_TRUSTED_PROXIES must list IP addresses or CIDR ranges separated by commas; "${proxy}" is neither.`,
      );
    }
  }

  const rawDemo = env.HEARTH_DEMO ?? 'on';
  if (!['on', 'off'].includes(rawDemo)) problems.push(`HEARTH_DEMO must be on or off; it is "${rawDemo}".`);

  const rawReload = env.HEARTH_RELOAD_VIEWS ?? 'off';
  if (!['on', 'off'].includes(rawReload)) {
    problems.push(`HEARTH_RELOAD_VIEWS must be on or off; it is "${rawReload}".`);
  } else if (rawReload === 'on' && production) {
    problems.push('HEARTH_RELOAD_VIEWS must be off when HEARTH_ENV is production.');
  }

  const singleSignOn = loadSingleSignOn(env, problems);
  const rawPasswordSignIn = env.HEARTH_PASSWORD_SIGN_IN ?? 'on';
  if (!['on', 'off'].includes(rawPasswordSignIn)) {
    problems.push(`HEARTH_PASSWORD_SIGN_IN must be on or off; it is "${rawPasswordSignIn}".`);
  } else if (rawPasswordSignIn === 'off' && !singleSignOn) {
    problems.push(
      'HEARTH_PASSWORD_SIGN_IN can be off only when HEARTH_OIDC_ISSUER is set: nobody could sign in.',
    );
  }
  const totpKey = env.HEARTH_TOTP_KEY || sessionSecret;
  if (env.HEARTH_TOTP_KEY && totpKey.length < 32) {
    problems.push('HEARTH_TOTP_KEY must be at least 32 characters long.');
  }

  const config: Config = {
    env: envName ?? 'development',
    host: env.HEARTH_HOST || '127.0.0.1',
    port: integer('HEARTH_PORT', 3000, 0, 65535),
    databaseUrl,
    sessionSecret,
    sessionIdleMinutes: integer('HEARTH_SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionMaxHours: integer('HEARTH_SESSION_MAX_HOURS', 12, 1, 7 * 24),
    signInsPerMinute: integer('HEARTH_SIGN_INS_PER_MINUTE', 30, 1, 10_000),
    trustedProxies,
    auditKey,
    auditCheckpointFile: env.HEARTH_AUDIT_CHECKPOINT_FILE || null,
    auditCheckpointSeconds: integer('HEARTH_AUDIT_CHECKPOINT_SECONDS', 60, 1, 24 * 3600),
    logLevel,
    demo: rawDemo !== 'off' && !production,
    demoPassword: env.HEARTH_DEMO_PASSWORD || defaultDemoPassword,
    reloadViews: rawReload === 'on',
    singleSignOn,
    passwordSignIn: rawPasswordSignIn !== 'off',
    totpKey,
    dfeApi: loadDfeApi(env, problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** Configuration for tests: an in-memory database unless HEARTH_TEST_DATABASE_URL names PostgreSQL. */
export function loadTestConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({ HEARTH_ENV: 'test', HEARTH_DEMO: 'off' }),
    databaseUrl: process.env.HEARTH_TEST_DATABASE_URL || 'memory://',
    ...overrides,
  };
}

/** `10.0.0.1`, `::1`, `10.0.0.0/8` or `fd00::/8`. */
function isAddressOrRange(text: string): boolean {
  const [address = '', prefix, extra] = text.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** Hides a password in a database URL before it is printed or logged. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
