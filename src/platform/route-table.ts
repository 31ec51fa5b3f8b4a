import type { FastifyInstance, RouteOptions } from 'fastify';
import type { AuditActionName } from './audit-actions.ts';
import type { RolePermission } from './permissions.ts';

/**
 * What a route may be used for and by whom. Every route states one, together with its audit action, where it is
 * registered (STYLE.md rule 2); `requireRouteMetadata` refuses to start a server with a route that does not.
 * `public` needs no sign-in; `signed-in` needs only a session. Roles' permissions are in `permissions.ts`.
 */
export type Permission = 'public' | 'signed-in' | RolePermission;

/** The audit action recorded for a route, or `none` for routes that touch no record (assets, health). */
export type AuditAction = 'none' | AuditActionName;

export interface RouteAccess {
  permission: Permission;
  audit: AuditAction;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: Permission;
    audit?: AuditAction;
    /** A multipart upload whose handler checks the CSRF token from the body itself. */
    upload?: boolean;
    /**
     * Answered without asking who is asking: no session is read and no visitor cookie made (static files,
     * `/health`), so the requests a page brings with it and a load balancer's polls cost no database work.
     */
    sessionless?: boolean;
  }
}

/** Route metadata written on one line: `{ config: access('child:read', 'child.viewed') }`. */
export function access(permission: Permission, audit: AuditAction): RouteAccess {
  return { permission, audit };
}

/** Routes registered inside `scope` (such as a static-file plugin) that serve public, unaudited files. */
export function markPublic(scope: FastifyInstance): void {
  scope.addHook('onRoute', (route) => {
    route.config = { ...(route.config as object), ...access('public', 'none'), sessionless: true };
  });
}

/**
 * Collects every route as it is registered and, when the server is made ready, fails listing each one that
 * lacks a permission or an audit action. Plugins' hooks may still add metadata after this hook has seen a route,
 * so the check waits for `ready`.
 */
export function requireRouteMetadata(app: FastifyInstance): RouteOptions[] {
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
  app.addHook('onReady', async () => {
    const missing = routes.filter((route) => {
      const config = route.config as Partial<RouteAccess> | undefined;
      return !config?.permission || !config.audit;
    });
    if (missing.length > 0) {
      const list = missing.map((route) => `  ${String(route.method)} ${route.url}`).join('\n');
      throw new Error(`These routes do not declare a permission and an audit action:\n${list}`);
    }
  });
  return routes;
}
