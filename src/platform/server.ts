import { join } from 'node:path';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import type { Database } from '../db/database.ts';
import type { Config } from './config.ts';
import { registerErrorHandler } from './error-handler.ts';
import { healthRoutes } from './health.ts';
import { access, markPublic, requireRouteMetadata } from './route-table.ts';
import { createViews, govukFrontendDist } from './views.ts';
import { isRealIsoDate } from './dates.ts';
import { refuseHiddenCharacters, storeNothing } from './input-guards.ts';
import { registerAuthentication } from './authentication.ts';

/** The clock requests read the time from; tests pass their own to move time on. */
export type Clock = () => Date;

export interface ServerContext {
  config: Config;
  db: Database;
  clock: Clock;
}

declare module 'fastify' {
  interface FastifyInstance {
    hearth: ServerContext;
    /** Every route registered, with its permission and audit action: walked by the permissions test. */
    routeTable: RouteOptions[];
  }
  interface FastifyReply {
    /** Renders a page template with the layout's shared values and sends it. */
    page(template: string, context?: Record<string, unknown>): FastifyReply;
  }
}

export type HearthServer = FastifyInstance;

/** A feature module's routes, registered as a Fastify plugin; `src/app.ts` lists them. */
export type Feature = (app: FastifyInstance) => Promise<void>;

/**
 * Assembles a server: platform plugins first, then the feature modules' routes in the order given. The platform
 * knows no feature (DESIGN.md), so `src/app.ts` passes the list. Nothing here opens the database or listens:
 * `hearth serve` and the tests do, so both run the same server.
 */
export async function buildServer(context: {
  config: Config;
  db: Database;
  clock?: Clock;
  features: readonly Feature[];
}): Promise<HearthServer> {
  const { config, db } = context;
  const production = config.env === 'production';
  const app = Fastify({
    logger: { level: config.logLevel },
    // Only the configured proxies' X-Forwarded-For is believed (issue 22): trusting every client's let a caller
    // rotate the header to escape the sign-in rate limit.
    trustProxy: config.trustedProxies.length > 0 ? config.trustedProxies : false,
    ajv: {
      // Report every field's problem at once, as the GOV.UK error summary and the API's field list expect;
      // `verbose` gives each failure its schema, whose description names the field in the message
      // (schema-messages.ts).
      customOptions: { allErrors: true, verbose: true },
      // A date PostgreSQL would refuse (year 0000) is the caller's mistake, not a server error.
      onCreate: (ajv) => ajv.addFormat('date', { type: 'string', validate: isRealIsoDate }),
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.decorate('hearth', { config, db, clock: context.clock ?? (() => new Date()) });
  app.decorate('routeTable', requireRouteMetadata(app));

  const views = createViews({ reload: config.reloadViews });
  app.decorateReply('page', function (template: string, values: Record<string, unknown> = {}) {
    const html = views.render(template, { ...this.request.pageLocals, ...values });
    return this.type('text/html; charset=utf-8').send(html);
  });
  app.decorateRequest('pageLocals', null as unknown as Record<string, unknown>);
  app.addHook('onRequest', async (request) => {
    request.pageLocals = { councilName: undefined, navigation: [] };
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: production ? [] : null,
      },
    },
    hsts: production,
  });
  await app.register(fastifyFormbody);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Hearth API', version: '0.1.0', description: "Children's social care records" },
    },
  });
  await app.register(async (assets) => {
    markPublic(assets);
    await assets.register(fastifyStatic, {
      root: join(govukFrontendDist, 'govuk', 'assets'),
      prefix: '/assets/',
      maxAge: production ? '1d' : 0,
    });
    await assets.register(fastifyStatic, {
      root: join(govukFrontendDist, 'govuk'),
      prefix: '/govuk/',
      decorateReply: false,
      allowedPath: (path) => /^\/govuk-frontend\.min\.(css|js)(\.map)?$/.test(path),
    });
    await assets.register(fastifyStatic, {
      root: new URL('./public/', import.meta.url).pathname,
      prefix: '/public/',
      decorateReply: false,
    });
  });

  registerErrorHandler(app);
  app.addHook('preValidation', refuseHiddenCharacters);
  app.addHook('onSend', storeNothing);
  app.get('/api/openapi.json', { config: access('public', 'none'), schema: { hide: true } }, async () =>
    app.swagger(),
  );
  await app.register(healthRoutes);
  await registerAuthentication(app);
  for (const feature of context.features) {
    await app.register(feature);
  }
  return app;
}

declare module 'fastify' {
  interface FastifyRequest {
    pageLocals: Record<string, unknown>;
  }
}
