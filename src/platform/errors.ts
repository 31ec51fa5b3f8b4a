import type { AuditEntry } from './audit.ts';

/**
 * The few errors a request can end in, each with a stable code. They are mapped to HTTP in one place
 * (`error-handler.ts`, STYLE.md rule 8), so services throw these and never build responses.
 */

/** One message about one input field, addressed by its path (`referralDate`, `addresses.0.postcode`). */
export interface FieldProblem {
  path: string;
  message: string;
}

export abstract class HearthError extends Error {
  /**
   * Audit entries recording a refusal. The request's transaction is rolled back, so `withTransaction` writes
   * these afterwards in a transaction of their own: refusals are audited too (STYLE.md rule 4).
   */
  refusals: AuditEntry[] = [];
  abstract readonly status: number;
  abstract readonly code: string;
  /** The title shown to the person: plain words, never internals. */
  abstract readonly title: string;
}

export class ValidationError extends HearthError {
  readonly status = 400;
  readonly code = 'validation';
  readonly title = 'There is a problem';
  readonly fields: FieldProblem[];
  constructor(fields: FieldProblem[]) {
    super(fields.map((field) => `${field.path}: ${field.message}`).join('; '));
    this.fields = fields;
  }
}

export class Unauthenticated extends HearthError {
  readonly status = 401;
  readonly code = 'unauthenticated';
  readonly title = 'You need to sign in';
}

export class NotPermitted extends HearthError {
  readonly status = 403;
  readonly code = 'not-permitted';
  readonly title = 'You do not have permission to do this';
}

/** Also used where a record exists but the person may not know it does (restricted children). */
export class NotFound extends HearthError {
  readonly status = 404;
  readonly code = 'not-found';
  readonly title = 'Page not found';
}

/** An edit based on a version of a record that has since changed (optimistic concurrency). */
export class Conflict extends HearthError {
  readonly status = 409;
  readonly code = 'conflict';
  readonly title = 'Someone else has changed this record';
  readonly currentVersion: number | undefined;
  /** What changed since the version the person started from: field, their starting value, the value now. */
  readonly changes: Array<{ field: string; was: unknown; now: unknown }>;
  constructor(
    message: string,
    currentVersion?: number,
    changes: Array<{ field: string; was: unknown; now: unknown }> = [],
  ) {
    super(message);
    this.currentVersion = currentVersion;
    this.changes = changes;
  }
}
