import { parentPort, workerData } from 'node:worker_threads';
import { ValidationError } from './errors.ts';
import type { WorkerMessage } from './off-thread.ts';

/** The worker thread's side of `runOffThread`: imports the module, calls the function, posts what came of it. */
const { module, name, args } = workerData as { module: string; name: string; args: unknown[] };
const port = parentPort!;
const waiting = new Map<number, (answer: unknown) => void>();
let asked = 0;

port.on('message', (reply: { id: number; answer: unknown }) => {
  waiting.get(reply.id)?.(reply.answer);
  waiting.delete(reply.id);
});

function ask(question: unknown): Promise<unknown> {
  asked += 1;
  const id = asked;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    port.postMessage({ kind: 'ask', id, question } satisfies WorkerMessage);
  });
}

try {
  const exports = (await import(module)) as Record<string, (...values: unknown[]) => unknown>;
  const result = await exports[name]!(...args, ask);
  port.postMessage({ kind: 'done', result } satisfies WorkerMessage);
} catch (error) {
  port.postMessage({
    kind: 'failed',
    message: error instanceof Error ? error.message : String(error),
    fields: error instanceof ValidationError ? error.fields : undefined,
  } satisfies WorkerMessage);
}
