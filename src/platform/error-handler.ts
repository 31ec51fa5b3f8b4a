import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HearthError, NotFound, ValidationError } from './errors.ts';
import { schemaFieldProblems, type SchemaFailure } from './schema-messages.ts';

/** Whether a request is answered with JSON (the API) rather than a page. */
export function wantsJson(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

/** Fastify's schema failures, turned into field problems with paths such as `child.dateOfBirth`, in words. */
function schemaProblems(error: FastifyError) {
  return schemaFieldProblems(
    (error.validation ?? []) as unknown as SchemaFailure[],
    error.validationContext ?? 'body',
  );
}

/**
 * Maps every error to its answer in one place (STYLE.md rule 8). The API gets an RFC 9457 problem body with
 * field messages; pages get a GOV.UK error page. Unexpected errors are logged in full but shown as a plain
 * apology, in every mode: the stack trace goes to the log only (issue 22).
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(async (raw: FastifyError, request, reply) => {
    const error: Error = raw.validation ? new ValidationError(schemaProblems(raw)) : raw;
    if (error instanceof HearthError) {
      if (error.status >= 500) request.log.error({ err: error }, error.message);
      return sendProblem(request, reply, error);
    }
    const status = raw.statusCode && raw.statusCode >= 400 && raw.statusCode < 500 ? raw.statusCode : 500;
    if (status < 500) return sendPlain(request, reply, status, raw.message);
    request.log.error({ err: raw }, 'Unexpected error');
    return sendPlain(request, reply, 500, 'Sorry, there is a problem with the service');
  });

  app.setNotFoundHandler(async (request, reply) => sendProblem(request, reply, new NotFound()));
}

async function sendProblem(request: FastifyRequest, reply: FastifyReply, error: HearthError) {
  const fields = error instanceof ValidationError ? error.fields : undefined;
  if (wantsJson(request)) {
    return reply
      .code(error.status)
      .type('application/problem+json')
      .send({
        type: `urn:hearth:problem:${error.code}`,
        title: error.title,
        status: error.status,
        detail: error instanceof ValidationError ? undefined : error.message || undefined,
        errors: fields,
      });
  }
  return reply.code(error.status).page('error.njk', {
    pageTitle: error.title,
    paragraphs: pageParagraphs(error),
    errorSummary: fields?.map((field) => ({ text: field.message, href: `#${field.path}` })),
  });
}

function pageParagraphs(error: HearthError): string[] {
  switch (error.code) {
    case 'not-found':
      return [
        'If you typed the web address, check it is correct.',
        'If you followed a link, the record may not exist or you may not have access to it.',
      ];
    case 'not-permitted':
      return ['Your role does not allow this. This attempt has been recorded.'];
    case 'validation':
      // The error summary names each field and what to do; the paths are for the API, not for people.
      return ['Go back, correct what the list says, and try again.'];
    case 'conflict':
      return [error.message, 'Go back, check the record as it is now, and make your change again.'];
    default:
      return error.message ? [error.message] : [];
  }
}

async function sendPlain(request: FastifyRequest, reply: FastifyReply, status: number, title: string) {
  if (wantsJson(request)) {
    return reply.code(status).type('application/problem+json').send({ type: 'about:blank', title, status });
  }
  return reply.code(status).page('error.njk', {
    pageTitle: title,
    paragraphs:
      status >= 500 ? ['Try again later. Anything you saved before this happened has been kept.'] : [],
  });
}
