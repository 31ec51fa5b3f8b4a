import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Tables } from '../db/schema.ts';
import type { Config } from './config.ts';
import { londonDate, type Actor } from './actor.ts';
import { isRole } from './permissions.ts';
import {
  enabledPerson,
  insertSession,
  liveApiToken,
  markApiTokenUsed,
  markSessionEnded,
  markSessionSeen,
  sessionWithPerson,
} from './session-queries.ts';

export const SESSION_COOKIE = 'hearth_session';
export const VISITOR_COOKIE = 'hearth_visitor';
const TOKEN_PREFIX = 'hearth_';

export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored id of a session: an HMAC of the cookie's token under the session secret. */
export function sessionIdOf(secret: string, token: string): string {
  return createHmac('sha256', secret).update(token).digest('hex');
}

/** The CSRF token of a visitor who has no session yet (the sign-in form), bound to their visitor cookie. */
export function visitorCsrfToken(secret: string, visitor: string): string {
  return createHmac('sha256', secret).update(`csrf:${visitor}`).digest('base64url');
}

export function sameToken(expected: string, given: unknown): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(given));
}

interface PersonRow {
  council_id: string;
  user_id: string;
  worker_id: string;
  role: string;
  given_name: string;
  family_name: string;
  email: string;
}

function actorFrom(person: PersonRow, sessionId: string | null, now: Date): Actor {
  if (!isRole(person.role)) throw new Error(`Worker ${person.worker_id} has an unknown role ${person.role}`);
  return {
    councilId: person.council_id,
    userId: person.user_id,
    workerId: person.worker_id,
    role: person.role,
    name: `${person.given_name} ${person.family_name}`,
    email: person.email,
    sessionId,
    ip: null,
    route: null,
    now,
    today: londonDate(now),
  };
}

/** Starts a session for a user who has just signed in; returns the token for the cookie. */
export async function startSession(
  db: Kysely<Tables>,
  config: Config,
  user: { councilId: string; userId: string },
  now: Date,
): Promise<string> {
  const token = randomToken();
  await insertSession(db, {
    council_id: user.councilId,
    id: sessionIdOf(config.sessionSecret, token),
    user_id: user.userId,
    csrf_token: randomToken(),
    created_at: now,
    last_seen_at: now,
  });
  return token;
}

export type SessionLookup =
  | { state: 'active'; actor: Actor; csrfToken: string }
  | { state: 'expired'; councilId: string; userId: string; csrfToken: string }
  | { state: 'none' };

/**
 * Finds the session a cookie names. A session ends after `sessionIdleMinutes` without a request and
 * `sessionMaxHours` after sign-in, whichever comes first; an ended session is marked so, and cannot be revived.
 */
export async function lookUpSession(
  db: Database,
  config: Config,
  token: string,
  now: Date,
): Promise<SessionLookup> {
  const id = sessionIdOf(config.sessionSecret, token);
  const session = await sessionWithPerson(db, id, now);
  if (!session) return { state: 'none' };
  const idleLimit = session.last_seen_at.getTime() + config.sessionIdleMinutes * 60_000;
  const ageLimit = session.created_at.getTime() + config.sessionMaxHours * 3_600_000;
  const ended = session.ended_at !== null || now.getTime() > idleLimit || now.getTime() > ageLimit;
  if (ended) {
    if (session.ended_at === null) {
      await markSessionEnded(db, id, now);
    }
    return {
      state: 'expired',
      councilId: session.council_id,
      userId: session.user_id,
      csrfToken: session.csrf_token,
    };
  }
  const { worker_id: workerId, role, given_name: givenName, family_name: familyName, email } = session;
  if (workerId === null || role === null || givenName === null || familyName === null || email === null)
    return { state: 'none' };
  const person: PersonRow = {
    council_id: session.council_id,
    user_id: session.user_id,
    worker_id: workerId,
    role,
    given_name: givenName,
    family_name: familyName,
    email,
  };
  // Writing on every request would serialise reads on PGlite; a minute's precision is enough for idle expiry.
  if (now.getTime() - session.last_seen_at.getTime() > 60_000) {
    await markSessionSeen(db, id, now);
  }
  return { state: 'active', actor: actorFrom(person, id, now), csrfToken: session.csrf_token };
}

export async function endSession(db: Kysely<Tables>, sessionId: string, now: Date): Promise<void> {
  await markSessionEnded(db, sessionId, now);
}

export function apiTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new API token: shown once, stored only as its hash. */
export function newApiToken(): string {
  return `${TOKEN_PREFIX}${randomToken()}`;
}

/** The actor an `Authorization: Bearer` token speaks for, or undefined when it is malformed, unknown or revoked. */
export async function actorForApiToken(db: Database, token: string, now: Date): Promise<Actor | undefined> {
  if (!/^hearth_[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const found = await liveApiToken(db, apiTokenHash(token));
  if (!found) return undefined;
  const person = await enabledPerson(db, found.council_id, found.user_id, now);
  if (!person) return undefined;
  await markApiTokenUsed(db, found.id, now);
  return actorFrom(person, null, now);
}
