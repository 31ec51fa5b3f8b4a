import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { actorOf } from '../../platform/authentication.ts';
import { formErrors } from '../../platform/forms.ts';
import { access } from '../../platform/route-table.ts';
import { SESSION_COOKIE } from '../../platform/sessions.ts';
import { signIn, signOut } from './service.ts';

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

/** Only a path on this site may be returned to after sign-in. */
function safeReturn(path: string | undefined): string {
  return path && /^\/(?!\/)[\w\-/.]*$/.test(path) && path !== '/sign-in' ? path : '/home';
}

// The same words whatever went wrong: an unknown email, a wrong password or a locked account.
const refusal =
  'Enter a correct email address and password. After 10 wrong attempts your account is locked for 15 minutes.';

export async function signInRoutes(app: FastifyInstance): Promise<void> {
  const { config, db, clock } = app.hearth;

  app.get<{ Querystring: Static<typeof SignInQuery> }>(
    '/sign-in',
    { config: access('public', 'none'), schema: { querystring: SignInQuery, hide: true } },
    async (request, reply) => {
      if (request.actor) return reply.redirect('/home', 303);
      return reply.page('sign-in/views/sign-in.njk', {
        pageTitle: 'Sign in to Hearth',
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
      config: {
        ...access('public', 'user.signed-in'),
        rateLimit: { max: config.signInsPerMinute, timeWindow: '1 minute' },
      },
      schema: { body: SignInForm, hide: true },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const missing = [
        ...(email.trim() ? [] : [{ path: 'email', message: 'Enter your email address' }]),
        ...(password ? [] : [{ path: 'password', message: 'Enter your password' }]),
      ];
      const result = missing.length
        ? { signedIn: false as const }
        : await signIn(db, config, { email, password, ip: request.ip, now: clock() });
      if (!result.signedIn) {
        return reply.code(missing.length ? 400 : 401).page('sign-in/views/sign-in.njk', {
          pageTitle: 'Sign in to Hearth',
          email,
          returnTo: safeReturn(request.body.returnTo),
          stash: request.body.stash ?? '',
          ...formErrors(missing.length ? missing : [{ path: 'email', message: refusal }]),
        });
      }
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.env === 'production',
      });
      const target = safeReturn(request.body.returnTo);
      const stash =
        request.body.stash && /^[\w-]{10,100}$/.test(request.body.stash) ? request.body.stash : '';
      return reply.redirect(stash ? `${target}?restore=${stash}` : target, 303);
    },
  );

  app.post('/sign-out', { config: access('signed-in', 'user.signed-out') }, async (request, reply) => {
    await signOut(db, actorOf(request));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/', 303);
  });
}
