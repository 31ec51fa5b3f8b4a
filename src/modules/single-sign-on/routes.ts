import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { safeReturn, setSessionCookie } from '../../platform/authentication.ts';
import { access } from '../../platform/route-table.ts';
import { sealUntil, unsealUntil } from '../../platform/sealing.ts';
import { identityProvider, type PendingSignIn } from './provider.ts';
import { signInFromDirectory, type DirectoryRefusal } from './service.ts';

const PENDING_COOKIE = 'hearth_oidc';
/** Long enough to sign in at the provider, with its own second step; short enough not to linger. */
const PENDING_MINUTES = 10;

const StartQuery = Type.Object({ returnTo: Type.Optional(Type.String({ maxLength: 500 })) });
// The provider's answer is read by openid-client from the whole query string; this only bounds its size.
const CallbackQuery = Type.Record(Type.String({ maxLength: 100 }), Type.String({ maxLength: 4000 }));

const refusals: Record<DirectoryRefusal, { title: string; explanation: string }> = {
  'no-mapped-group': {
    title: 'You do not have access to Hearth',
    explanation:
      'Your council account signed you in, but it is not in any of the groups that give access to Hearth. Ask your system administrator or IT service desk to add you to the right group, then sign in again.',
  },
  disabled: {
    title: 'Your Hearth account is turned off',
    explanation: 'Ask your system administrator to turn your Hearth account back on if you still need it.',
  },
  'another-account': {
    title: 'Your council account cannot be matched to Hearth',
    explanation:
      'The email address of your council account belongs to another person’s Hearth account. Ask your system administrator to check it.',
  },
  'no-email': {
    title: 'Your council account has no email address',
    explanation:
      'Hearth needs an email address to set up your account. Ask your IT service desk to add one to your council account.',
  },
};

/**
 * Sign-in through the council's OpenID Connect provider (issue 22 part 7): `/sign-in/oidc` sends the person to
 * the provider with a fresh state, nonce and PKCE challenge kept sealed in a short-lived cookie, and
 * `/sign-in/oidc/callback` checks the answer against them before anyone is signed in. Mounted only when
 * `HEARTH_OIDC_ISSUER` is set.
 */
export async function singleSignOnRoutes(app: FastifyInstance): Promise<void> {
  const { config, db, clock } = app.hearth;
  const settings = config.singleSignOn;
  if (!settings) return;
  const provider = identityProvider(settings);
  const cookieOptions = {
    path: '/sign-in/oidc',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.env === 'production',
  };

  app.get<{ Querystring: Static<typeof StartQuery> }>(
    '/sign-in/oidc',
    {
      config: {
        ...access('public', 'none'),
        rateLimit: { max: config.signInsPerMinute, timeWindow: '1 minute' },
      },
      schema: { querystring: StartQuery, hide: true },
    },
    async (request, reply) => {
      let started;
      try {
        started = await provider.start(safeReturn(request.query.returnTo));
      } catch (error) {
        request.log.error({ err: error }, 'The identity provider could not be reached');
        return reply.code(503).page('single-sign-on/views/not-finished.njk', {
          pageTitle: 'Sign-in is not working at the moment',
          unreachable: true,
          providerName: settings.providerName,
        });
      }
      const expires = new Date(clock().getTime() + PENDING_MINUTES * 60_000);
      reply.setCookie(
        PENDING_COOKIE,
        sealUntil(config.sessionSecret, 'oidc-sign-in', started.pending, expires),
        { ...cookieOptions, expires },
      );
      return reply.redirect(started.url.href, 303);
    },
  );

  app.get<{ Querystring: Static<typeof CallbackQuery> }>(
    '/sign-in/oidc/callback',
    {
      config: {
        ...access('public', 'user.signed-in'),
        rateLimit: { max: config.signInsPerMinute, timeWindow: '1 minute' },
      },
      schema: { querystring: CallbackQuery, hide: true },
    },
    async (request, reply) => {
      const now = clock();
      const pending = unsealUntil<PendingSignIn>(
        config.sessionSecret,
        'oidc-sign-in',
        request.cookies[PENDING_COOKIE],
        now,
      );
      reply.clearCookie(PENDING_COOKIE, cookieOptions);
      const notFinished = () =>
        reply.code(400).page('single-sign-on/views/not-finished.njk', {
          pageTitle: 'Sign-in did not finish',
          providerName: settings.providerName,
        });
      if (!pending) return notFinished();
      let identity;
      try {
        identity = await provider.finish(request.url.split('?')[1] ?? '', pending);
      } catch (error) {
        // A changed state, a replayed or forged code, a bad token or the provider's own refusal: no one is let in.
        request.log.warn({ err: error }, 'A single sign-on answer was refused');
        return notFinished();
      }
      const result = await signInFromDirectory(db, config, settings, identity, { ip: request.ip, now });
      if (!result.signedIn) {
        return reply.code(403).page('single-sign-on/views/refused.njk', {
          pageTitle: refusals[result.reason].title,
          ...refusals[result.reason],
          email: identity.email,
        });
      }
      setSessionCookie(reply, config, result.token);
      return reply.redirect(pending.returnTo, 303);
    },
  );
}
