import type { FastifyInstance, FastifyReply } from 'fastify';
import QRCode from 'qrcode';
import { Type, type Static } from 'typebox';
import { actorOf } from '../../platform/authentication.ts';
import { ValidationError } from '../../platform/errors.ts';
import { formErrors } from '../../platform/forms.ts';
import { access } from '../../platform/route-table.ts';
import {
  confirmCodes,
  removeCodes,
  secretBeingSetUp,
  signInCodesOf,
  startSettingUpCodes,
} from './service.ts';

const CodeForm = Type.Object({
  code: Type.String({ maxLength: 20 }),
  _csrf: Type.Optional(Type.String()),
});
const PAGE = '/account/sign-in-codes';
const pageTitle = 'Sign-in codes';

/** The secret as an authenticator app takes it: a QR code, and the same in groups of four for typing. */
async function setUpPage(reply: FastifyReply, setUp: { secret: string; address: string }, errors = {}) {
  return reply.page('sign-in-codes/views/set-up.njk', {
    pageTitle: 'Set up sign-in codes',
    qrCode: await QRCode.toDataURL(setUp.address, { margin: 2, width: 240 }),
    secretInGroups: setUp.secret.match(/.{1,4}/g)!.join(' '),
    errors: {},
    ...errors,
  });
}

/**
 * A person's second step for password sign-ins (issue 22 part 7): a code from an authenticator app, set up
 * here and asked for after the password. Each change is rate limited as sign-in is.
 */
export async function signInCodeRoutes(app: FastifyInstance): Promise<void> {
  const { config, db } = app.hearth;
  const rateLimit = { max: config.signInsPerMinute, timeWindow: '1 minute' };

  app.get(PAGE, { config: access('signed-in', 'none') }, async (request, reply) => {
    const codes = await signInCodesOf(db, actorOf(request));
    return reply.page('sign-in-codes/views/codes.njk', {
      pageTitle,
      ...codes,
      providerName: config.singleSignOn?.providerName,
      errors: {},
    });
  });

  app.post(
    `${PAGE}/start`,
    {
      config: { ...access('signed-in', 'none'), rateLimit },
      schema: { body: Type.Object({ _csrf: Type.Optional(Type.String()) }), hide: true },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if ((await signInCodesOf(db, actor)).setUpAt) return reply.redirect(PAGE, 303);
      return setUpPage(reply, await startSettingUpCodes(db, config, actor));
    },
  );

  app.post<{ Body: Static<typeof CodeForm> }>(
    PAGE,
    {
      config: { ...access('signed-in', 'user.sign-in-code.set-up'), rateLimit },
      schema: { body: CodeForm, hide: true },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      try {
        await confirmCodes(db, config, actor, request.body.code);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const setUp = await secretBeingSetUp(db, config, actor);
        if (!setUp) return reply.redirect(PAGE, 303);
        return setUpPage(reply.code(400), setUp, formErrors(error.fields));
      }
      return reply.redirect(PAGE, 303);
    },
  );

  app.post<{ Body: Static<typeof CodeForm> }>(
    `${PAGE}/off`,
    {
      config: { ...access('signed-in', 'user.sign-in-code.removed'), rateLimit },
      schema: { body: CodeForm, hide: true },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      try {
        await removeCodes(db, config, actor, request.body.code);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return reply.code(400).page('sign-in-codes/views/codes.njk', {
          pageTitle,
          ...(await signInCodesOf(db, actor)),
          ...formErrors(error.fields),
        });
      }
      return reply.redirect(PAGE, 303);
    },
  );
}
