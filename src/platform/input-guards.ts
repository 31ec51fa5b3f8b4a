import type { FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError, type FieldProblem } from './errors.ts';

/** The NUL character, which PostgreSQL cannot store in text. */
const NUL = '\u0000';

/** Paths (`notes.0.body`) of the strings in `value` that contain `character`. */
function stringsContaining(value: unknown, character: string, path: string[] = []): string[] {
  if (typeof value === 'string') return value.includes(character) ? [path.join('.') || 'body'] : [];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => stringsContaining(inner, character, [...path, key]));
}

/**
 * Refuses, naming the field, any input holding a NUL character, before a schema or a service sees it: PostgreSQL
 * refuses to store one, which made it a server error (issue 22's hostile-input probe).
 */
export async function refuseHiddenCharacters(request: FastifyRequest): Promise<void> {
  const problems: FieldProblem[] = [request.params, request.query, request.body].flatMap((part) =>
    stringsContaining(part, NUL).map((path) => ({
      path,
      message: 'Remove the hidden character (NUL) from this answer; it cannot be stored',
    })),
  );
  if (problems.length > 0) throw new ValidationError(problems);
}

/**
 * Nothing Hearth answers may be kept by a browser or a proxy, since pages and API answers hold children's records
 * (issue 22). The static files set their own caching and are left alone.
 */
export async function storeNothing(_request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
}
