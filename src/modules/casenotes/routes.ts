import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import type { Actor } from '../../platform/actor.ts';
import { actorOf } from '../../platform/authentication.ts';
import { dateFromParts } from '../../platform/dates.ts';
import { ValidationError } from '../../platform/errors.ts';
import { formErrors } from '../../platform/forms.ts';
import { access } from '../../platform/route-table.ts';
import { takeFormStash } from '../sign-in/service.ts';
import { notesToOfferAsVisits } from '../visits/service.ts';
import { ChildParams, NoteBody, NoteForm, NoteParams, NoteQuery, NoteSummary } from './schemas.ts';
import { listNotes, noteKinds, openNoteForm, recordNote, saveNoteDraft, viewNote } from './service.ts';
import { childHeader } from '../child-header/service.ts';

type Form = Static<typeof NoteForm>;
type Child = { Params: Static<typeof ChildParams> };

/** The fields of a draft: what was typed, without the token or the button pressed. */
function draftFields(form: Form): Record<string, string> {
  const { _csrf: _token, intent: _intent, ...fields } = form;
  return Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, String(value ?? '')]));
}

/** Case notes: the list on a child's record, one note, the form (with drafts saved as one types) and the API. */
export async function caseNoteRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.hearth;

  app.get<Child>(
    '/children/:childId/notes',
    { config: access('child:read', 'casenotes.listed'), schema: { params: ChildParams, hide: true } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { child, notes } = await listNotes(db, actor, request.params.childId);
      const offerVisits = await notesToOfferAsVisits(db, actor, request.params.childId, notes);
      return reply.page('casenotes/views/notes.njk', {
        offerVisits: [...offerVisits],
        childHeader: await childHeader(db, actor, request.params.childId),
        pageTitle: `Case notes – ${child.given_name} ${child.family_name}`,
        child,
        notes,
        noteKinds,
      });
    },
  );

  app.get<{ Params: Static<typeof NoteParams> }>(
    '/children/:childId/notes/:noteId',
    { config: access('child:read', 'casenote.viewed'), schema: { params: NoteParams, hide: true } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { child, note, corrects } = await viewNote(
        db,
        actor,
        request.params.childId,
        request.params.noteId,
      );
      // A note of type Visit offers to become a statutory visit (issue 17, part 5).
      const offerVisits = await notesToOfferAsVisits(db, actor, request.params.childId, [note]);
      return reply.page('casenotes/views/note.njk', {
        offerVisit: offerVisits.has(note.id),
        childHeader: await childHeader(db, actor, request.params.childId),
        pageTitle: `${note.title} – ${child.given_name} ${child.family_name}`,
        child,
        note,
        corrects,
        noteKinds,
      });
    },
  );

  const renderForm = async (
    actor: Actor,
    childId: string,
    correctsNoteId: string,
    values: Record<string, unknown>,
    extra: Record<string, unknown>,
    useDraft = false,
  ) => {
    const { child, corrects, draft } = await openNoteForm(db, actor, childId, correctsNoteId);
    if (useDraft && draft) {
      values = draft.fields as Record<string, unknown>;
      extra = { ...extra, draftSavedAt: draft.saved_at };
    }
    const initial = corrects
      ? {
          kind: corrects.kind,
          title: corrects.title,
          body: corrects.body,
          significance: corrects.significance ?? '',
          ...datesOf('occurredOn', corrects.occurred_on),
        }
      : {};
    const merged: Record<string, unknown> = { ...initial, ...values, correctsNoteId };
    return {
      pageTitle: corrects ? 'Correct a case note' : 'Write a case note',
      child,
      corrects,
      values: merged,
      errors: {},
      kinds: Object.entries(noteKinds).map(([value, text]) => ({
        value,
        text,
        checked: merged.kind === value,
      })),
      ...extra,
    };
  };

  app.get<Child & { Querystring: Static<typeof NoteQuery> }>(
    '/children/:childId/notes/new',
    {
      config: access('child:write', 'casenote.draft-opened'),
      schema: { params: ChildParams, querystring: NoteQuery, hide: true },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const restored = request.query.restore
        ? await takeFormStash(db, actor, request.query.restore)
        : undefined;
      // A form restored after the session ended keeps the note it was correcting.
      const stashed = restored?.fields.correctsNoteId;
      const corrects =
        typeof stashed === 'string' && /^[0-9a-f-]{36}$/i.test(stashed)
          ? stashed
          : (request.query.corrects ?? '');
      const values = (restored?.fields ?? {}) as Record<string, unknown>;
      return reply.page(
        'casenotes/views/write-note.njk',
        await renderForm(
          actor,
          request.params.childId,
          corrects,
          values,
          { restored: Boolean(restored) },
          !restored,
        ),
      );
    },
  );

  app.post<Child & { Body: Form }>(
    '/children/:childId/notes/new',
    {
      config: access('child:write', 'casenote.recorded'),
      schema: { params: ChildParams, body: NoteForm, hide: true },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const form = request.body;
      const { childId } = request.params;
      const corrects = form.correctsNoteId ?? '';
      if (form.intent === 'draft') {
        await saveNoteDraft(db, actor, childId, corrects, draftFields(form));
        return reply.page(
          'casenotes/views/write-note.njk',
          await renderForm(actor, childId, corrects, form, { draftSavedAt: actor.now }),
        );
      }
      try {
        await recordNote(db, actor, childId, {
          kind: form.kind ?? '',
          occurredOn: dateFromParts(
            'The date it happened',
            form['occurredOn-day'],
            form['occurredOn-month'],
            form['occurredOn-year'],
          ),
          title: form.title ?? '',
          body: form.body ?? '',
          alsoAbout: (form.alsoAbout ?? '').split(/[\s,]+/),
          correctsNoteId: corrects || null,
          correctionReason: form.correctionReason,
          significance: form.significance,
        });
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return reply
          .code(400)
          .page(
            'casenotes/views/write-note.njk',
            await renderForm(actor, childId, corrects, form, formErrors(error.fields)),
          );
      }
      return reply.redirect(`/children/${childId}/notes`, 303);
    },
  );

  // Called by /public/case-note-draft.js as the person types; the form works without it (Save as draft).
  app.post<Child & { Body: Form }>(
    '/children/:childId/notes/draft',
    {
      config: access('child:write', 'casenote.draft-saved'),
      schema: { params: ChildParams, body: NoteForm, hide: true },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await saveNoteDraft(
        db,
        actor,
        request.params.childId,
        request.body.correctsNoteId ?? '',
        draftFields(request.body),
      );
      return reply.code(204).send();
    },
  );

  app.get<Child>(
    '/api/children/:childId/notes',
    {
      config: access('child:read', 'casenotes.listed'),
      schema: {
        summary: 'The case notes about a child, corrections included',
        params: ChildParams,
        response: { 200: Type.Array(NoteSummary) },
      },
    },
    async (request) =>
      (await listNotes(db, actorOf(request), request.params.childId)).notes.map((note) => ({
        id: note.id,
        kind: note.kind,
        occurredOn: note.occurred_on,
        title: note.title,
        body: note.body,
        writtenBy: `${note.writer_given_name} ${note.writer_family_name}`,
        writtenAt: new Date(note.written_at).toISOString(),
        correctsNoteId: note.corrects_note_id,
        correctionReason: note.correction_reason,
        correctedBy: note.correctedBy.map((correction) => correction.id),
        significance: note.significance,
      })),
  );

  app.post<Child & { Body: Static<typeof NoteBody> }>(
    '/api/children/:childId/notes',
    {
      config: access('child:write', 'casenote.recorded'),
      schema: {
        summary: 'Write a case note, or a correction of one (notes are never changed)',
        params: ChildParams,
        body: NoteBody,
        response: { 201: Type.Object({ id: Type.String() }) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const id = await recordNote(db, actorOf(request), request.params.childId, {
        kind: body.kind,
        occurredOn: { date: body.occurredOn },
        title: body.title,
        body: body.body,
        alsoAbout: body.alsoAbout ?? [],
        correctsNoteId: body.correctsNoteId ?? null,
        correctionReason: body.correctionReason,
        significance: body.significance,
      });
      return reply.code(201).send({ id });
    },
  );
}

function datesOf(name: string, date: string): Record<string, string> {
  const [year, month, day] = date.split('-') as [string, string, string];
  return {
    [`${name}-day`]: String(Number(day)),
    [`${name}-month`]: String(Number(month)),
    [`${name}-year`]: year,
  };
}
