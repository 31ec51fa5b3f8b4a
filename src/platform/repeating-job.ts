import type { FastifyBaseLogger } from 'fastify';

/**
 * A job the server repeats while it runs (the daily reminders, the DfE API, audit checkpoints): one run at a time
 * (a run still going when the next is due is not started twice), a failure logged with what happens next rather
 * than thrown, and a timer that does not keep the process alive. `stop` clears the timer and, when asked, runs
 * once more on the way out.
 */
export function repeatEvery(
  milliseconds: number,
  run: () => Promise<void>,
  log: FastifyBaseLogger,
  failure: string,
  options: { runNow?: boolean; runOnStop?: boolean } = {},
): () => Promise<void> {
  let running = false;
  const once = async () => {
    if (running) return;
    running = true;
    try {
      await run();
    } catch (error) {
      log.error({ err: error }, failure);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void once(), milliseconds);
  timer.unref();
  if (options.runNow) void once();
  return async () => {
    clearInterval(timer);
    if (options.runOnStop) await once();
  };
}
