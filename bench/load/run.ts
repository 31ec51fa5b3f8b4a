/**
 * Hearth under a council's load (issue 23 part 7): a realistic mix of a working day's requests, from many people
 * at once, against a running Hearth, beside `/health` and a bare Fastify server in the same run. Prints, for each
 * number of people, throughput, the 50th, 95th and 99th percentile times and the errors of each kind of request.
 * Figures, never pass/fail. Start Hearth on the demo council first (`HEARTH_SIGN_INS_PER_MINUTE=10000` so that
 * the sign-ins of the mix are not refused as an attack), then:
 *
 *   node bench/load/run.ts http://127.0.0.1:3000 [people=50,200,500] [seconds=20] [think=0]
 *
 * Each person signs in as one of the demonstration sign-ins (a social worker, a team manager or a service
 * manager, 8:1:1), then loops: My caseload, a child from it, that child's chronology, a search, a case note
 * written; a team manager also looks at team caseloads, a service manager at the service's timescales. People are
 * closed loops over kept-alive connections on loopback, as browsers are; with `think`, each pauses that many
 * seconds on average after each page, as a person reading it does.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import Fastify from 'fastify';

const base = new URL(process.argv[2] ?? 'http://127.0.0.1:3000');
const crowds = (process.argv[3] ?? '50,200,500').split(',').map(Number);
const seconds = Number(process.argv[4] ?? 20);
const password = process.env.HEARTH_DEMO_PASSWORD ?? 'hearth-demo-password';
/**
 * A person's pause between pages, in seconds on average (uniform from half to one and a half times it): reading a
 * page before the next. 0 makes each person a closed loop, a stress test rather than people at work.
 */
const thinkSeconds = Number(process.argv[5] ?? 0);
const think = () =>
  thinkSeconds > 0
    ? new Promise<void>((resolve) => setTimeout(resolve, thinkSeconds * 1000 * (0.5 + Math.random())))
    : Promise.resolve();

interface Answer {
  status: number;
  body: string;
  cookies: string[];
  location?: string;
}

function send(
  agent: http.Agent,
  target: URL,
  path: string,
  options: { cookie?: string; form?: Record<string, string> } = {},
): Promise<Answer> {
  const payload = options.form ? new URLSearchParams(options.form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path,
        method: payload ? 'POST' : 'GET',
        headers: {
          ...(options.cookie ? { cookie: options.cookie } : {}),
          ...(payload
            ? {
                'content-type': 'application/x-www-form-urlencoded',
                'content-length': Buffer.byteLength(payload),
              }
            : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            cookies: (response.headers['set-cookie'] ?? []).map((set) => set.split(';')[0]!),
            location: response.headers.location,
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

/** Times per kind of request, and errors (a 5xx, a refused connection, or an answer not the one expected). */
class Tally {
  readonly times = new Map<string, number[]>();
  readonly errors = new Map<string, number>();
  add(kind: string, milliseconds: number, ok: boolean) {
    if (!this.times.has(kind)) this.times.set(kind, []);
    this.times.get(kind)!.push(milliseconds);
    if (!ok) this.errors.set(kind, (this.errors.get(kind) ?? 0) + 1);
  }
  print(title: string, elapsed: number) {
    console.log(`\n${title}`);
    console.log(
      `  ${'request'.padEnd(22)} ${'req/s'.padStart(8)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'p99'.padStart(8)} errors`,
    );
    const all = [...this.times.values()].flat();
    const rows: [string, number[]][] = [...this.times, ['all', all]];
    for (const [kind, times] of rows) {
      const sorted = [...times].sort((a, b) => a - b);
      const at = (share: number) =>
        sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
      const errors =
        kind === 'all' ? [...this.errors.values()].reduce((a, b) => a + b, 0) : (this.errors.get(kind) ?? 0);
      console.log(
        `  ${kind.padEnd(22)} ${(times.length / elapsed).toFixed(1).padStart(8)} ${at(0.5).toFixed(0).padStart(6)}ms ${at(0.95).toFixed(0).padStart(6)}ms ${at(0.99).toFixed(0).padStart(6)}ms ${errors}`,
      );
    }
  }
}

async function timed(tally: Tally, kind: string, work: () => Promise<boolean>) {
  const started = performance.now();
  let ok = false;
  try {
    ok = await work();
  } finally {
    tally.add(kind, performance.now() - started, ok);
  }
}

const roleOf = (index: number) =>
  index % 10 === 8 ? 'team-manager' : index % 10 === 9 ? 'service-manager' : 'social-worker';
const searches = ['smith', 'jones', 'taylor', 'brown', 'williams', 'wilson', 'evans', 'khan', 'patel', 'ali'];

/** One person signed in: their session cookie. Timed as the mix's "sign in", before the clock of the loop starts. */
async function signIn(index: number, agent: http.Agent, tally: Tally): Promise<string> {
  const role = roleOf(index);
  let cookie = '';
  await timed(tally, 'sign in', async () => {
    const form = await send(agent, base, '/sign-in');
    cookie = form.cookies.join('; ');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const signed = await send(agent, base, '/sign-in', {
      cookie,
      form: { _csrf: csrf, email: `${role}@hearthshire.example`, password },
    });
    cookie = signed.cookies.find((set) => set.startsWith('hearth_session=')) ?? cookie;
    return signed.status === 303;
  });
  return cookie;
}

/** One person's working loop until `until`. */
async function person(index: number, cookie: string, agent: http.Agent, tally: Tally, until: number) {
  const role = roleOf(index);
  const step = (kind: string, work: () => Promise<boolean>) => timed(tally, kind, work).then(think);
  let round = 0;
  while (performance.now() < until) {
    round += 1;
    let childIds: string[] = [];
    let csrf = '';
    await step('My caseload', async () => {
      const page = await send(agent, base, '/caseload', { cookie });
      childIds = [...page.body.matchAll(/href="\/children\/([0-9a-f-]{36})"/g)].map((match) => match[1]!);
      csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? csrf;
      return page.status === 200;
    });
    const childId = childIds[(index + round) % Math.max(1, childIds.length)];
    if (childId) {
      await step(
        'child page',
        async () => (await send(agent, base, `/children/${childId}`, { cookie })).status === 200,
      );
      await step(
        'chronology',
        async () => (await send(agent, base, `/children/${childId}/chronology`, { cookie })).status === 200,
      );
    }
    await step('search', async () => {
      const term = searches[(index + round) % searches.length]!;
      return (await send(agent, base, `/search?q=${term}`, { cookie })).status === 200;
    });
    if (childId && role === 'social-worker') {
      await step('case note written', async () => {
        const form = await send(agent, base, `/children/${childId}/notes/new`, { cookie });
        const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? csrf;
        const today = new Date();
        const written = await send(agent, base, `/children/${childId}/notes/new`, {
          cookie,
          form: {
            _csrf: token,
            kind: 'phone-call',
            'occurredOn-day': String(today.getUTCDate()),
            'occurredOn-month': String(today.getUTCMonth() + 1),
            'occurredOn-year': String(today.getUTCFullYear()),
            title: 'Spoke with the child’s mother',
            body: 'Arranged the next visit for after school on Thursday. No new concerns raised.',
          },
        });
        return written.status === 303;
      });
    }
    if (role === 'team-manager')
      await step(
        'team caseloads',
        async () => (await send(agent, base, '/team-caseloads', { cookie })).status === 200,
      );
    if (role === 'service-manager')
      await step(
        'service timescales',
        async () => (await send(agent, base, '/timescales', { cookie })).status === 200,
      );
  }
}

/** `count` closed loops of GET `path` until `until`: for `/health` and the bare server. */
async function hammer(target: URL, path: string, count: number, seconds: number, kind: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: count });
  const tally = new Tally();
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: count }, async () => {
      while (performance.now() < until)
        await timed(tally, kind, async () => (await send(agent, target, path)).status === 200);
    }),
  );
  agent.destroy();
  return tally;
}

const bare = Fastify();
bare.get('/health', async () => ({ status: 'ok' }));
const bareAddress = new URL(await bare.listen({ port: 0, host: '127.0.0.1' }));

for (const count of crowds) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: count });
  const signIns = new Tally();
  const signInStarted = performance.now();
  const cookies = await Promise.all(
    Array.from({ length: count }, (_, index) => signIn(index, agent, signIns)),
  );
  signIns.print(`${count} people signing in at once`, (performance.now() - signInStarted) / 1000);
  const tally = new Tally();
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(cookies.map((cookie, index) => person(index, cookie, agent, tally, until)));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  tally.print(`${count} people for ${elapsed.toFixed(0)} s (the mix, against ${base.origin})`, elapsed);
  const health = await hammer(base, '/health', count, Math.min(seconds, 10), 'Hearth /health');
  health.print(`${count} connections: Hearth's /health`, Math.min(seconds, 10));
  const floor = await hammer(bareAddress, '/health', count, Math.min(seconds, 10), 'bare Fastify');
  floor.print(`${count} connections: a bare Fastify server`, Math.min(seconds, 10));
}
await bare.close();
