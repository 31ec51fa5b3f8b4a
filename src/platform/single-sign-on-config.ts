import { isRole, type Role } from './permissions.ts';

/**
 * The council's identity provider (OpenID Connect: Microsoft Entra ID or any standard provider), read from the
 * `HEARTH_OIDC_*` variables. Which role and teams a person has comes from the groups in their ID token, in the
 * order the mappings list them: the first group of `HEARTH_OIDC_GROUP_ROLES` a person is in gives their role.
 */
export interface SingleSignOnConfig {
  /** The issuer's URL; its `/.well-known/openid-configuration` is read at the first sign-in. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** This server's `/sign-in/oidc/callback` as the provider knows it. */
  redirectUri: string;
  /** The council whose people sign in this way (one provider per council). */
  councilId: string;
  /** The words on the button: "Sign in with {providerName}". */
  providerName: string;
  scopes: string;
  /** The ID token claim that lists the person's groups (Entra: `groups`, the groups' object ids). */
  groupsClaim: string;
  groupRoles: [group: string, role: Role][];
  groupTeams: [group: string, team: string][];
}

type Env = Record<string, string | undefined>;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a URL may be used: https, or http only to this machine (a provider started by the tests). */
export function acceptableUrl(text: string): boolean {
  try {
    const url = new URL(text);
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    return url.protocol === 'https:' || (url.protocol === 'http:' && local);
  } catch {
    return false;
  }
}

/** A JSON object of group → value, in its order, each value checked; problems are pushed with the variable's name. */
function groupMap<T extends string>(
  env: Env,
  name: string,
  problems: string[],
  check: (value: string) => value is T,
  what: string,
): [string, T][] {
  const raw = env[name];
  if (!raw) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    problems.push(`${name} must be a JSON object of group → ${what}; it is not JSON.`);
    return [];
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    problems.push(`${name} must be a JSON object of group → ${what}.`);
    return [];
  }
  const pairs: [string, T][] = [];
  for (const [group, value] of Object.entries(parsed)) {
    if (typeof value === 'string' && check(value)) pairs.push([group, value]);
    else
      problems.push(`${name} maps the group "${group}" to ${JSON.stringify(value)}, which is not ${what}.`);
  }
  return pairs;
}

const isTeamName = (value: string): value is string => value.trim().length > 0;

/**
 * The single sign-on settings, or null when `HEARTH_OIDC_ISSUER` is not set. Every problem is pushed onto
 * `problems` so that `loadConfig` reports them all at once.
 */
export function loadSingleSignOn(env: Env, problems: string[]): SingleSignOnConfig | null {
  const issuer = env.HEARTH_OIDC_ISSUER ?? '';
  if (!issuer) {
    const stray = Object.keys(env).filter((key) => key.startsWith('HEARTH_OIDC_') && env[key]);
    if (stray.length) problems.push(`${stray.join(', ')} need HEARTH_OIDC_ISSUER to be set as well.`);
    return null;
  }
  if (!acceptableUrl(issuer)) problems.push(`HEARTH_OIDC_ISSUER must be an https URL; it is "${issuer}".`);
  const required = (name: string): string => {
    const value = env[name] ?? '';
    if (!value) problems.push(`${name} must be set when HEARTH_OIDC_ISSUER is.`);
    return value;
  };
  const clientId = required('HEARTH_OIDC_CLIENT_ID');
  const clientSecret = required('HEARTH_OIDC_CLIENT_SECRET');
  const redirectUri = required('HEARTH_OIDC_REDIRECT_URI');
  if (redirectUri && !acceptableUrl(redirectUri)) {
    problems.push(`HEARTH_OIDC_REDIRECT_URI must be an https URL; it is "${redirectUri}".`);
  }
  const councilId = required('HEARTH_OIDC_COUNCIL');
  if (councilId && !uuidPattern.test(councilId)) {
    problems.push(`HEARTH_OIDC_COUNCIL must be the council's id (a UUID); it is "${councilId}".`);
  }
  const groupRoles = groupMap(env, 'HEARTH_OIDC_GROUP_ROLES', problems, isRole, 'one of Hearth’s roles');
  if (!env.HEARTH_OIDC_GROUP_ROLES) {
    problems.push(
      'HEARTH_OIDC_GROUP_ROLES must map at least one group to a role when HEARTH_OIDC_ISSUER is set.',
    );
  }
  return {
    issuer,
    clientId,
    clientSecret,
    redirectUri,
    councilId: councilId.toLowerCase(),
    providerName: env.HEARTH_OIDC_PROVIDER_NAME || 'your council account',
    scopes: env.HEARTH_OIDC_SCOPES || 'openid email profile',
    groupsClaim: env.HEARTH_OIDC_GROUPS_CLAIM || 'groups',
    groupRoles,
    groupTeams: groupMap(env, 'HEARTH_OIDC_GROUP_TEAMS', problems, isTeamName, 'a team’s name'),
  };
}
