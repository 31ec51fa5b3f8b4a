import type { FastifyRequest } from 'fastify';
import { requireCsrfToken } from './authentication.ts';
import { holdsHiddenCharacter } from './input-guards.ts';

/** A file a user uploaded through a form, with the form field it came in. */
export interface UploadedFile {
  field: string;
  name: string;
  content: Buffer;
}

/** An upload form's fields and files; `multipart` is false for a form posted without a file input's encoding. */
export interface UploadForm {
  fields: Record<string, string>;
  files: UploadedFile[];
  multipart: boolean;
}

/**
 * Reads an upload form (the routes marked `upload: true`, whose body the gatekeeper cannot read first). The CSRF
 * token comes before the files in Hearth's forms, and is checked before any file is read, so a forged upload is
 * refused without buffering what it sent; it is checked again at the end for a form with no files. A form that is
 * not multipart had its token checked with the rest of its body, and has no files. A file part with no name or no
 * content (the file input left empty) is left out.
 */
export async function readUploadForm(request: FastifyRequest): Promise<UploadForm> {
  const form: UploadForm = { fields: {}, files: [], multipart: request.isMultipart() };
  if (!form.multipart) return form;
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      form.fields[part.fieldname] = String(part.value);
      if (part.fieldname === '_csrf') requireCsrfToken(request, form.fields._csrf);
    } else {
      if (form.fields._csrf === undefined) requireCsrfToken(request, undefined);
      const content = await part.toBuffer();
      if (part.filename && content.length)
        form.files.push({ field: part.fieldname, name: part.filename, content });
    }
  }
  requireCsrfToken(request, form.fields._csrf);
  return form;
}

/**
 * Why the files' names cannot be kept, or null: a file's name goes into the audit entry, and PostgreSQL cannot
 * store a NUL (issue 22, part 4).
 */
export function unstorableFileName(files: readonly { name: string }[]): string | null {
  return files.some((file) => holdsHiddenCharacter(file.name))
    ? 'Rename the file: its name has a hidden character (NUL) that cannot be stored'
    : null;
}
