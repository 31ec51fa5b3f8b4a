import { randomBytes } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from './actor.ts';
import type { Config } from './config.ts';
import { appendAuditNow } from './audit.ts';
import { wantsJson } from './error-handler.ts';
import { NotPermitted, Unauthenticated } from './errors.ts';
import { navigationFor, sectionsFor, subNavigationFor } from './navigation.ts';
import { roleCan, rolePermissions } from './permissions.ts';
import {
  actorForApiToken,
  lookUpSession,
  sameToken,
  SESSION_COOKIE,
  VISITOR_COOKIE,
  visitorCsrfToken,
  randomToken,
} from './sessions.ts';
import { auditSource } from './transactions.ts';
import { insertFormStash } from './session-queries.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person, or null for a visitor. */
    actor: Actor | null;
    /** The CSRF token that this request's forms must carry back. */
    csrfToken: string;
    /** Set when the request came with a session that has ended. */
    endedSession: { councilId: string; userId: string; csrfToken: string } | null;
    viaApiToken: boolean;
  }
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Only a path on this site may be returned to after sign-in. */
export function safeReturn(path: string | undefined): string {
  return path && /^\/(?!\/)[\w\-/.]*$/.test(path) && !path.startsWith('/sign-in') ? path : '/home';
}

/** Hands a new session's token to the browser: HttpOnly, SameSite=Lax, Secure in production. */
export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.env === 'production',
  });
}

/** The signed-in actor of a route whose permission requires one. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new Unauthenticated();
  return request.actor;
}

/**
 * Who is asking, and may they: resolves the session cookie or API token, checks the CSRF token on every
 * state-changing request from a browser, and enforces the permission each route declares (STYLE.md rule 2).
 * Refusals are audited. An ended session sends a page request to sign in; a form being submitted is kept.
 */
export async function registerAuthentication(app: FastifyInstance): Promise<void> {
  const { config, db, clock } = app.hearth;
  await app.register(fastifyCookie);
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.env === 'production',
  };

  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', '');
  app.decorateRequest('endedSession', null);
  app.decorateRequest('viaApiToken', false);

  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config.sessionless) return;
    const now = clock();
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const token = /^Bearer (\S+)$/.exec(authorization)?.[1];
      const actor = token ? await actorForApiToken(db, token, now) : undefined;
      if (!actor) throw new Unauthenticated('The API token is missing, malformed or revoked.');
      request.actor = { ...actor, ip: request.ip, route: routeName(request) };
      request.viaApiToken = true;
      return;
    }
    const sessionToken = request.cookies[SESSION_COOKIE];
    if (sessionToken) {
      const session = await lookUpSession(db, config, sessionToken, now);
      if (session.state === 'active') {
        request.actor = { ...session.actor, ip: request.ip, route: routeName(request) };
        request.csrfToken = session.csrfToken;
      } else {
        if (session.state === 'expired') request.endedSession = session;
        reply.clearCookie(SESSION_COOKIE, cookieOptions);
      }
    }
    if (!request.actor) {
      let visitor = request.cookies[VISITOR_COOKIE];
      if (!visitor || visitor.length !== 43) {
        visitor = randomToken();
        reply.setCookie(VISITOR_COOKIE, visitor, cookieOptions);
      }
      request.csrfToken = visitorCsrfToken(config.sessionSecret, visitor);
    }
    request.pageLocals = {
      ...request.pageLocals,
      csrfToken: request.csrfToken,
      actor: request.actor,
      actorPermissions: request.actor ? rolePermissions[request.actor.role] : [],
      navigation: navigationFor(request.actor, request.url),
      subNavigation: subNavigationFor(request.actor, request.url),
      sections: sectionsFor(request.actor),
    };
  });

  app.addHook('preValidation', async (request, reply) => {
    const permission = request.routeOptions.config.permission;
    // A file upload's fields arrive with its stream, after this hook: the route checks its token with
    // `requireCsrfToken` before it reads the file.
    const upload =
      request.headers['content-type']?.startsWith('multipart/form-data') &&
      request.routeOptions.config.upload;
    if (unsafeMethods.has(request.method) && !request.viaApiToken && !upload) {
      const expected = request.endedSession?.csrfToken ?? request.csrfToken;
      const given =
        (request.body as Record<string, unknown> | undefined)?._csrf ?? request.headers['x-csrf-token'];
      if (!sameToken(expected, given)) {
        throw new NotPermitted('The form has expired or did not come from Hearth. Go back and try again.');
      }
    }
    // Only the not-found handler has no permission: the route table refuses any real route without one.
    if (permission === 'public' || permission === undefined) return;
    const actor = request.actor;
    if (!actor) return sendToSignIn(app, request, reply);
    if (permission && !roleCan(actor.role, permission)) {
      await appendAuditNow(db, auditSource(actor), {
        action: 'route.refused',
        outcome: 'refused',
        details: { permission, method: request.method },
      });
      throw new NotPermitted();
    }
  });
}

/** For upload routes: the CSRF token that came as a form field of the multipart body. */
export function requireCsrfToken(request: FastifyRequest, given: unknown): void {
  if (!sameToken(request.csrfToken, given)) {
    throw new NotPermitted('The form has expired or did not come from Hearth. Go back and try again.');
  }
}

/** The route as registered (`GET /children/:childId`), which the audit log records. */
function routeName(request: FastifyRequest): string {
  return `${request.method} ${request.routeOptions.url ?? request.url}`;
}

/**
 * A visitor without a session is asked to sign in and brought back afterwards. If their session ended while
 * they were submitting a form, what they typed is kept for them (and only them) until they sign in again.
 */
async function sendToSignIn(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
  if (wantsJson(request)) throw new Unauthenticated();
  const returnTo = request.url.startsWith('/') && !request.url.startsWith('//') ? request.url : '/';
  const query = new URLSearchParams({ returnTo: returnTo.split('?')[0]! });
  if (request.method === 'POST' && request.endedSession && request.body && typeof request.body === 'object') {
    const { _csrf: _ignored, ...fields } = request.body as Record<string, unknown>;
    const stashId = randomBytes(24).toString('base64url');
    await insertFormStash(app.hearth.db, {
      council_id: request.endedSession.councilId,
      id: stashId,
      user_id: request.endedSession.userId,
      return_to: query.get('returnTo')!,
      fields: JSON.stringify(fields),
      created_at: app.hearth.clock(),
    });
    query.set('stash', stashId);
  }
  if (request.endedSession) query.set('ended', '1');
  return reply.redirect(`/sign-in?${query.toString()}`, 303);
}
