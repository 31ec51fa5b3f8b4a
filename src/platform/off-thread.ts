import { Worker } from 'node:worker_threads';
import { ValidationError, type FieldProblem } from './errors.ts';

/** What the worker says: a question for this thread, its result, or how it failed. */
export type WorkerMessage =
  | { kind: 'ask'; id: number; question: unknown }
  | { kind: 'done'; result: unknown }
  | { kind: 'failed'; message: string; fields?: FieldProblem[] };

/**
 * Runs `module`'s export `name` with `args` on a worker thread of its own, so that heavy work (checking an
 * uploaded return, an import, an export) never stalls other people's requests (DESIGN.md, Web; issue 22). The
 * function is called with `args` and then an `ask` function, through which the worker puts questions only this
 * thread can answer (for example a database lookup) to `answer`. Arguments and results are copied between threads
 * (structured clone). A ValidationError thrown in the worker is thrown here as one, with its fields.
 */
export function runOffThread<Result>(
  module: URL,
  name: string,
  args: unknown[],
  answer: (question: never) => Promise<unknown> = async () => undefined,
): Promise<Result> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./off-thread-worker.ts', import.meta.url), {
      workerData: { module: module.href, name, args },
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      settled = true;
      outcome();
      void worker.terminate();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'ask') {
        answer(message.question as never).then(
          (reply) => worker.postMessage({ id: message.id, answer: reply }),
          (error: unknown) => settle(() => reject(error)),
        );
      } else if (message.kind === 'done') {
        settle(() => resolve(message.result as Result));
      } else {
        const error = message.fields ? new ValidationError(message.fields) : new Error(message.message);
        settle(() => reject(error));
      }
    });
    worker.on('error', (error) => settled || settle(() => reject(error)));
    worker.on('exit', (code) => settled || settle(() => reject(new Error(`The worker stopped (${code})`))));
  });
}
