import type { FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError, type FieldProblem } from './errors.ts';

/** The NUL character, which PostgreSQL cannot store in text. */
const NUL = '\u0000';

/** Deeper than any of Hearth's inputs is: an answer nested further is refused rather than walked. */
const DEEPEST = 32;

/**
 * The problems of an input's strings: each holding a NUL, and anything nested deeper than `DEEPEST`. The walk keeps
 * its own stack: a recursive one ran out of the call stack on a body nested 3,000 deep (issue 22, part 4).
 */
function hiddenCharacterProblems(input: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const pending: Array<{ value: unknown; path: string[] }> = [{ value: input, path: [] }];
  while (pending.length > 0) {
    // Taken last in, first out, and pushed in reverse: problems come in the order of the answers.
    const { value, path } = pending.pop()!;
    const name = path.join('.') || 'body';
    if (typeof value === 'string') {
      if (value.includes(NUL)) {
        problems.push({
          path: name,
          message: 'Remove the hidden character (NUL) from this answer; it cannot be stored',
        });
      }
    } else if (value !== null && typeof value === 'object') {
      if (path.length >= DEEPEST) {
        problems.push({ path: name, message: 'This answer is nested too deeply to be one Hearth asks for' });
        continue;
      }
      for (const [key, inner] of Object.entries(value).reverse())
        pending.push({ value: inner, path: [...path, key] });
    }
  }
  return problems;
}

/** Whether a name (an uploaded file's, say) holds a character that cannot be stored: a NUL. */
export function holdsHiddenCharacter(text: string): boolean {
  return text.includes(NUL);
}

/**
 * Refuses, naming the field, any input holding a NUL character or nested too deep, before a schema or a service
 * sees it: PostgreSQL refuses to store a NUL, which made it a server error (issue 22's hostile-input probe).
 */
export async function refuseHiddenCharacters(request: FastifyRequest): Promise<void> {
  const problems = [request.params, request.query, request.body].flatMap(hiddenCharacterProblems);
  if (problems.length > 0) throw new ValidationError(problems);
}

/**
 * Nothing Hearth answers may be kept by a browser or a proxy, since pages and API answers hold children's records
 * (issue 22). The static files set their own caching and are left alone.
 */
export async function storeNothing(_request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
}
