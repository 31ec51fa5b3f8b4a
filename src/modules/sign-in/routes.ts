import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type, type Static } from 'typebox';
import { actorOf, safeReturn, setSessionCookie } from '../../platform/authentication.ts';
import type { Config } from '../../platform/config.ts';
import { formErrors } from '../../platform/forms.ts';
import { access } from '../../platform/route-table.ts';
import { sealUntil, unsealUntil } from '../../platform/sealing.ts';
import { SESSION_COOKIE } from '../../platform/sessions.ts';
import { signIn, signInWithCode, signOut } from './service.ts';

const SignInForm = Type.Object({
  email: Type.String({ maxLength: 320 }),
  password: Type.String({ maxLength: 1000 }),
  returnTo: Type.Optional(Type.String({ maxLength: 500 })),
  stash: Type.Optional(Type.String({ maxLength: 100 })),
  _csrf: Type.Optional(Type.String()),
});

const SignInQuery = Type.Object({
  returnTo: Type.Optional(Type.String({ maxLength: 500 })),
  stash: Type.Optional(Type.String({ maxLength: 100 })),
  ended: Type.Optional(Type.String()),
});

const CodeForm = Type.Object({
  code: Type.String({ maxLength: 20 }),
  _csrf: Type.Optional(Type.String()),
});

// The same words whatever went wrong: an unknown email, a wrong password or a locked account.
const refusal =
  'Enter a correct email address and password. After 10 wrong attempts your account is locked for 15 minutes.';
const wrongCode =
  'Enter the code your authenticator app shows now. After 10 wrong attempts your account is locked for 15 minutes.';

/** Between a right password and the code: who, and where they were going. Kept sealed in a cookie. */
interface CodeNeeded {
  councilId: string;
  userId: string;
  target: string;
}
const CODE_COOKIE = 'hearth_code_needed';
const CODE_MINUTES = 5;

/** Where a signed-in person goes: back where they were, with what they had typed if their session ended. */
function afterSignIn(returnTo: string | undefined, stash: string | undefined): string {
  const target = safeReturn(returnTo);
  return stash && /^[\w-]{10,100}$/.test(stash) ? `${target}?restore=${stash}` : target;
}

function signedIn(reply: FastifyReply, config: Config, token: string, target: string) {
  setSessionCookie(reply, config, token);
  return reply.redirect(target, 303);
}

export async function signInRoutes(app: FastifyInstance): Promise<void> {
  const { config, db, clock } = app.hearth;
  const rateLimit = { max: config.signInsPerMinute, timeWindow: '1 minute' };
  const codeCookie = {
    path: '/sign-in/code',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.env === 'production',
  };
  const page = {
    pageTitle: 'Sign in to Hearth',
    passwordSignIn: config.passwordSignIn,
    providerName: config.singleSignOn?.providerName,
  };

  app.get<{ Querystring: Static<typeof SignInQuery> }>(
    '/sign-in',
    { config: access('public', 'none'), schema: { querystring: SignInQuery, hide: true } },
    async (request, reply) => {
      if (request.actor) return reply.redirect('/home', 303);
      return reply.page('sign-in/views/sign-in.njk', {
        ...page,
        returnTo: safeReturn(request.query.returnTo),
        stash: request.query.stash ?? '',
        ended: request.query.ended === '1',
        errors: {},
      });
    },
  );

  app.post<{ Body: Static<typeof SignInForm> }>(
    '/sign-in',
    {
      config: { ...access('public', 'user.signed-in'), rateLimit },
      schema: { body: SignInForm, hide: true },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      if (!config.passwordSignIn) {
        // Turned off by the council (HEARTH_PASSWORD_SIGN_IN=off): even a right password signs nobody in.
        return reply.code(403).page('sign-in/views/sign-in.njk', {
          ...page,
          returnTo: safeReturn(request.body.returnTo),
          stash: '',
          ...formErrors([
            { path: 'sso', message: `Sign in with ${page.providerName}: passwords are not used` },
          ]),
        });
      }
      const missing = [
        ...(email.trim() ? [] : [{ path: 'email', message: 'Enter your email address' }]),
        ...(password ? [] : [{ path: 'password', message: 'Enter your password' }]),
      ];
      const result = missing.length
        ? { signedIn: false as const }
        : await signIn(db, config, { email, password, ip: request.ip, now: clock() });
      const target = afterSignIn(request.body.returnTo, request.body.stash);
      if (result.signedIn) return signedIn(reply, config, result.token, target);
      if ('codeNeeded' in result) {
        const expires = new Date(clock().getTime() + CODE_MINUTES * 60_000);
        const codeNeeded: CodeNeeded = { ...result.codeNeeded, target };
        reply.setCookie(CODE_COOKIE, sealUntil(config.sessionSecret, 'second-step', codeNeeded, expires), {
          ...codeCookie,
          expires,
        });
        return reply.redirect('/sign-in/code', 303);
      }
      return reply.code(missing.length ? 400 : 401).page('sign-in/views/sign-in.njk', {
        ...page,
        email,
        returnTo: safeReturn(request.body.returnTo),
        stash: request.body.stash ?? '',
        ...formErrors(missing.length ? missing : [{ path: 'email', message: refusal }]),
      });
    },
  );

  const codeNeededBy = (cookie: string | undefined) =>
    unsealUntil<CodeNeeded>(config.sessionSecret, 'second-step', cookie, clock());

  app.get('/sign-in/code', { config: access('public', 'none') }, async (request, reply) => {
    if (!codeNeededBy(request.cookies[CODE_COOKIE])) return reply.redirect('/sign-in', 303);
    return reply.page('sign-in/views/code.njk', {
      pageTitle: 'Enter the code from your authenticator app',
      errors: {},
    });
  });

  app.post<{ Body: Static<typeof CodeForm> }>(
    '/sign-in/code',
    {
      config: { ...access('public', 'user.signed-in'), rateLimit },
      schema: { body: CodeForm, hide: true },
    },
    async (request, reply) => {
      const needed = codeNeededBy(request.cookies[CODE_COOKIE]);
      if (!needed) return reply.redirect('/sign-in', 303);
      const code = request.body.code.trim();
      const result = code
        ? await signInWithCode(db, config, { ...needed, code, ip: request.ip, now: clock() })
        : { signedIn: false as const };
      if (result.signedIn) {
        reply.clearCookie(CODE_COOKIE, codeCookie);
        return signedIn(reply, config, result.token, needed.target);
      }
      return reply.code(code ? 401 : 400).page('sign-in/views/code.njk', {
        pageTitle: 'Enter the code from your authenticator app',
        ...formErrors([
          { path: 'code', message: code ? wrongCode : 'Enter the code from your authenticator app' },
        ]),
      });
    },
  );

  app.post('/sign-out', { config: access('signed-in', 'user.signed-out') }, async (request, reply) => {
    await signOut(db, actorOf(request));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/', 303);
  });
}
