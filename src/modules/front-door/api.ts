import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { actorOf } from '../../platform/authentication.ts';
import { access } from '../../platform/route-table.ts';
import { ContactBody, apiContact, apiDate } from '../referrals/schemas.ts';
import { DuplicateCheckBody, NewChildBody, PossibleDuplicates } from './schemas.ts';
import { checkForDuplicates, createChildWithContact } from './service.ts';
import type { WhoInput } from './who.ts';

/** Who the contact is about, from the API's body, as the front door's rules read it from the form. */
function whoOf(child: Static<typeof NewChildBody>): WhoInput {
  return {
    givenName: child.givenName ?? '',
    familyName: child.familyName,
    born: child.expectedDateOfBirth && !child.dateOfBirth ? 'no' : 'yes',
    dateOfBirth: apiDate(child.dateOfBirth),
    expectedDateOfBirth: apiDate(child.expectedDateOfBirth),
    addressLine1: child.addressLine1 ?? '',
    town: child.town ?? '',
    postcode: child.postcode ?? '',
    nhsNumber: child.nhsNumber ?? '',
    upn: child.upn ?? '',
    parentName: child.parent?.name ?? '',
    parentRelationship: child.parent?.relationship ?? '',
  };
}

const NewChildContactBody = Type.Object(
  { child: NewChildBody, contact: ContactBody },
  { additionalProperties: false },
);

/** The front door through the API: the duplicate check, then a new child with their first contact. 400 names the field. */
export async function frontDoorApiRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.hearth;
  const refusals = { 400: Type.Any() };

  app.post<{ Body: Static<typeof DuplicateCheckBody> }>(
    '/api/front-door/possible-duplicates',
    {
      config: access('front-door:record', 'front-door.checked'),
      schema: {
        summary: 'The children you may see who may be the child a new contact is about, or their family',
        body: DuplicateCheckBody,
        response: { 200: PossibleDuplicates, ...refusals },
      },
    },
    async (request) => {
      const { matches, hidden } = await checkForDuplicates(db, actorOf(request), whoOf(request.body.child));
      return {
        matches: matches.map((match) => ({
          childId: match.childId,
          localId: match.child.local_id,
          givenName: match.child.given_name,
          familyName: match.child.family_name,
          likeness: match.likeness,
          reasons: match.reasons,
          sameIdentifier: match.sameIdentifier,
        })),
        // How alike and why, never which child: the known child's id stays with Hearth.
        elsewhere: hidden.map(({ likeness, reasons }) => ({ likeness, reasons })),
      };
    },
  );

  app.post<{ Body: Static<typeof NewChildContactBody> }>(
    '/api/front-door/contacts',
    {
      config: access('front-door:record', 'child.created'),
      schema: {
        summary: 'Create a child not yet known, with the first contact about them',
        body: NewChildContactBody,
        response: { 201: Type.Object({ childId: Type.String(), contactId: Type.String() }), ...refusals },
      },
    },
    async (request, reply) => {
      const { child, contact } = request.body;
      const saved = await createChildWithContact(db, actorOf(request), whoOf(child), apiContact(contact));
      return reply.code(201).send(saved);
    },
  );
}
