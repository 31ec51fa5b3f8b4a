import type { PGlite } from '@electric-sql/pglite';

/**
 * Presents an embedded PGlite database as the small part of a `pg` pool that Kysely's PostgresDialect uses.
 * PGlite is one connection, so a client is lent to one caller at a time: a transaction holds it from BEGIN to
 * COMMIT and no other request's statement can slip in between (docs/decisions/0002-pglite-through-kysely.md).
 */
export class PgliteSingleConnectionPool {
  readonly #database: PGlite;
  readonly #onEnd: () => void;
  #queue: Promise<void> = Promise.resolve();

  constructor(database: PGlite, onEnd: () => void = () => undefined) {
    this.#database = database;
    this.#onEnd = onEnd;
  }

  async connect(): Promise<PgliteClient> {
    let release!: () => void;
    const turn = new Promise<void>((resolve) => (release = resolve));
    const previous = this.#queue;
    this.#queue = previous.then(() => turn);
    await previous;
    return new PgliteClient(this.#database, release);
  }

  async end(): Promise<void> {
    await this.#queue;
    await this.#database.close();
    this.#onEnd();
  }
}

class PgliteClient {
  readonly #database: PGlite;
  readonly #release: () => void;

  constructor(database: PGlite, release: () => void) {
    this.#database = database;
    this.#release = release;
  }

  async query(sql: string, parameters: unknown[]) {
    // Without parameters the simple protocol runs, as with `pg`, so a migration file of several statements works.
    const result =
      parameters.length === 0
        ? ((await this.#database.exec(sql)).at(-1) ?? { rows: [], affectedRows: 0 })
        : await this.#database.query(sql, parameters);
    return { command: commandOf(sql), rowCount: result.affectedRows ?? 0, rows: result.rows };
  }

  release(): void {
    this.#release();
  }
}

/** The statement's command tag, as `pg` reports it, which Kysely reads to count affected rows. */
function commandOf(sql: string): string {
  const words = sql.trimStart().slice(0, 200).toUpperCase();
  const first = /^\w+/.exec(words)?.[0] ?? '';
  if (first !== 'WITH') return first;
  return /\)\s*(INSERT|UPDATE|DELETE|MERGE|SELECT)\b/.exec(sql.toUpperCase())?.[1] ?? 'SELECT';
}
