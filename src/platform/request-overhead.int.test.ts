import type { KyselyPlugin } from 'kysely';
import { describe, expect, it } from 'vitest';
import { buildHearth } from '../app.ts';
import { loadTestConfig } from './config.ts';
import { lookUpSession, SESSION_COOKIE, startSession, VISITOR_COOKIE } from './sessions.ts';
import { newCouncil, newWorker, signedInAs, testDatabase } from '../../test/support/world.ts';

/** Counts the statements sent through the database it is plugged into. */
function statementCounter() {
  const counter = { statements: 0 };
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      counter.statements += 1;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return { counter, plugin };
}

/**
 * What a request costs before its page does any work (issue 23 part 2): `/health` and static files read no session
 * and make no visitor cookie; a page resolves its session in one statement.
 */
describe('the work every request does', async () => {
  const database = await testDatabase();
  const { counter, plugin } = statementCounter();
  const db = database.withPlugin(plugin);
  const config = loadTestConfig();
  const app = await buildHearth({ config, db });
  await app.ready();
  const council = await newCouncil(database);
  const worker = await newWorker(database, council, 'social-worker');
  const browser = await signedInAs(app, worker);
  const session = `${SESSION_COOKIE}=${browser.cookies.get(SESSION_COOKIE)}`;

  it.each([
    ['/health', 200],
    ['/govuk/govuk-frontend.min.css', 200],
    ['/assets/fonts/bold-b542beb274-v2.woff2', 200],
    ['/public/no-such-file.css', 404],
  ])('%s sends no statement and sets no cookie, with a session or without', async (url, status) => {
    for (const headers of [{}, { cookie: session }, { cookie: `${SESSION_COOKIE}=unknown-token` }]) {
      const before = counter.statements;
      const response = await app.inject({ url, headers });
      expect(response.statusCode).toBe(status);
      expect(counter.statements - before).toBe(0);
      expect(response.headers['set-cookie']).toBeUndefined();
    }
  });

  it('still gives a visitor on a page a cookie for the sign-in form’s token', async () => {
    const response = await app.inject({ url: '/sign-in' });
    expect(String(response.headers['set-cookie'])).toContain(`${VISITOR_COOKIE}=`);
  });

  it('resolves a session and the person it speaks for in one statement', async () => {
    const now = new Date();
    const token = await startSession(database, config, { councilId: council.id, userId: worker.userId }, now);
    const before = counter.statements;
    const found = await lookUpSession(db, config, token, now);
    expect(counter.statements - before).toBe(1);
    expect(found).toMatchObject({
      state: 'active',
      actor: { workerId: worker.workerId, role: 'social-worker' },
    });
  });

  it('finds no one behind the session of a disabled user, still in one statement', async () => {
    const now = new Date();
    const disabled = await newWorker(database, council, 'team-manager');
    const token = await startSession(
      database,
      config,
      { councilId: council.id, userId: disabled.userId },
      now,
    );
    await database.updateTable('users').set({ disabled_at: now }).where('id', '=', disabled.userId).execute();
    const before = counter.statements;
    expect(await lookUpSession(db, config, token, now)).toEqual({ state: 'none' });
    expect(counter.statements - before).toBe(1);
  });
});
