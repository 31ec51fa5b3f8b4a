import type { FastifyInstance } from 'fastify';
import { londonDate } from '../../platform/actor.ts';
import { logMailSender, type MailSender } from '../../platform/mail.ts';
import { keepDashboardFigures } from '../performance/dashboard.ts';
import { councils, remindersBuiltOn } from './queries.ts';
import { buildReminders } from './service.ts';
import { repeatEvery } from '../../platform/repeating-job.ts';

const HOUR = 3_600_000;

/**
 * The daily job: once a day, for every council, the reminder lists are built and sent; every hour the dashboard's
 * closed quarters are kept up to date (performance/dashboard.ts). It checks every hour
 * whether today's lists exist, so a restart or a missed hour catches up, and only one run goes at a time.
 */
export function scheduleDailyReminders(
  app: FastifyInstance,
  mail: MailSender = logMailSender(app.log),
): () => Promise<void> {
  const { db, clock } = app.hearth;
  const run = async () => {
    const now = clock();
    const today = londonDate(now);
    for (const council of await councils(db)) {
      await keepDashboardFigures(db, council.id, now);
      if (await remindersBuiltOn(db, council.id, today)) continue;
      const result = await buildReminders(db, council.id, { now, today }, mail);
      app.log.info({ council: council.id, ...result }, 'Built the daily reminders');
    }
  };
  return repeatEvery(
    HOUR,
    run,
    app.log,
    'The daily reminders failed; they will be tried again within the hour',
    { runNow: true },
  );
}
