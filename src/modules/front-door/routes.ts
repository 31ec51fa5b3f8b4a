import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Actor } from '../../platform/actor.ts';
import { actorOf } from '../../platform/authentication.ts';
import { ValidationError, type FieldProblem } from '../../platform/errors.ts';
import { formErrors } from '../../platform/forms.ts';
import { access } from '../../platform/route-table.ts';
import { formDate } from '../referrals/schemas.ts';
import { codeSelectItems, decisionNames, namedItems } from '../referrals/views/journey-view-models.ts';
import { NewChildForm, WhoForm, whoFieldNames } from './schemas.ts';
import { checkForDuplicates, createChildWithContact, mustGoToAManager } from './service.ts';
import { hiddenMatchView, matchCards, parentRelationshipItems } from './views/front-door-view-models.ts';
import type { WhoInput } from './who.ts';

type Form = Record<string, string | string[] | undefined>;

/** Only those who work the front door take a new child's first contact (issue 17). */
const FRONT_DOOR = 'front-door:record';

const text = (form: Form, name: string) => String(form[name] ?? '');

function whoOf(form: Form): WhoInput {
  return {
    givenName: text(form, 'givenName'),
    familyName: text(form, 'familyName'),
    born: text(form, 'born'),
    dateOfBirth: formDate(form, 'dateOfBirth', 'The date of birth'),
    expectedDateOfBirth: formDate(form, 'expectedDateOfBirth', 'The expected date of birth'),
    addressLine1: text(form, 'addressLine1'),
    town: text(form, 'town'),
    postcode: text(form, 'postcode'),
    nhsNumber: text(form, 'nhsNumber'),
    upn: text(form, 'upn'),
    parentName: text(form, 'parentName'),
    parentRelationship: text(form, 'parentRelationship'),
  };
}

/** Just the fields that say who the contact is about, to carry as hidden fields through the next steps. */
function carried(form: Form): [string, string][] {
  return whoFieldNames.flatMap((name) => (form[name] ? [[name, text(form, name)] as [string, string]] : []));
}

/** The front door's own start: a contact about a child not yet known, after checking they are not. */
export async function frontDoorRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.hearth;

  const whoPage = (reply: FastifyReply, values: Form, problems: FieldProblem[] = []) =>
    reply.code(problems.length ? 400 : 200).page('front-door/views/who.njk', {
      pageTitle: 'Who is the contact about?',
      values,
      errors: {},
      relationships: parentRelationshipItems(text(values, 'parentRelationship')),
      ...(problems.length ? formErrors(problems) : {}),
    });

  const contactPage = (actor: Actor, reply: FastifyReply, values: Form, problems: FieldProblem[] = []) =>
    reply.code(problems.length ? 400 : 200).page('front-door/views/contact.njk', {
      pageTitle: 'Record the contact',
      values,
      errors: {},
      carried: carried(values),
      childName: [values.givenName, values.familyName].filter(Boolean).join(' ') || 'The unborn child',
      sources: codeSelectItems('ReferralSource', actor.today, values.source),
      decisions: namedItems(decisionNames, values.decision),
      ...(problems.length ? formErrors(problems) : {}),
    });

  app.get(
    '/front-door',
    { config: access(FRONT_DOOR, 'none'), schema: { hide: true } },
    async (_request, reply) => whoPage(reply, {}),
  );

  app.post<{ Body: Form }>(
    '/front-door',
    { config: access(FRONT_DOOR, 'front-door.checked'), schema: { body: WhoForm, hide: true } },
    async (request, reply) => {
      const actor = actorOf(request);
      if (request.body.stage === 'change') return whoPage(reply, request.body);
      try {
        const { who, matches, hidden } = await checkForDuplicates(db, actor, whoOf(request.body));
        return reply.page('front-door/views/matches.njk', {
          pageTitle: matches.length
            ? 'Is this one of these children?'
            : mustGoToAManager(hidden)
              ? 'A child known to the council probably matches'
              : hidden.length
                ? 'A child known to the council may match'
                : 'No child known to you matches',
          who: who.enquiry,
          carried: carried(request.body),
          cards: matchCards(matches),
          hidden: hiddenMatchView(hidden),
          blocked: matches.find((match) => match.sameIdentifier),
          toAManager: mustGoToAManager(hidden),
        });
      } catch (error) {
        if (error instanceof ValidationError) return whoPage(reply, request.body, error.fields);
        throw error;
      }
    },
  );

  app.post<{ Body: Form }>(
    '/front-door/new-child',
    { config: access(FRONT_DOOR, 'child.created'), schema: { body: NewChildForm, hide: true } },
    async (request, reply) => {
      const actor = actorOf(request);
      const form = request.body;
      if (form.stage === 'details') return contactPage(actor, reply, form);
      try {
        const saved = await createChildWithContact(db, actor, whoOf(form), {
          receivedOn: formDate(form, 'receivedOn', 'The date the contact was received'),
          receivedTime: text(form, 'receivedTime'),
          source: text(form, 'source'),
          reason: text(form, 'reason'),
          mashPartners: text(form, 'mashPartners').split(/[\n,]/),
          decision: text(form, 'decision'),
          decidedOn: formDate(form, 'decidedOn', 'The date of the decision'),
        });
        // A contact decided as a referral goes on to the referral, as on a known child's record.
        return reply.redirect(
          form.decision === 'referral'
            ? `/children/${saved.childId}/referrals/new?contact=${saved.contactId}`
            : `/children/${saved.childId}/journey`,
          303,
        );
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        // A problem with who it is about (such as an NHS number another child has) is put right on that page.
        const aboutWho = error.fields.filter((field) =>
          whoFieldNames.some((name) => name.startsWith(field.path)),
        );
        return aboutWho.length
          ? whoPage(reply, form, aboutWho)
          : contactPage(actor, reply, form, error.fields);
      }
    },
  );
}
