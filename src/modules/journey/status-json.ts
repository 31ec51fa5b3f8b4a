import { Type, type Static } from 'typebox';
import { describe, type JourneyStatus } from '../../domain/journey/status.ts';

const isoDate = { format: 'date' } as const;
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/** The child's journey status in the API: the same answer My caseload and the child's page show (issue 16). */
export const JourneyStatusSchema = Type.Object(
  {
    stage: Type.Union([
      Type.Literal('contact'),
      Type.Literal('referral'),
      Type.Literal('assessment'),
      Type.Literal('child-in-need'),
      Type.Literal('child-protection-plan'),
      Type.Literal('looked-after'),
      Type.Literal('care-leaver'),
      Type.Literal('closed'),
    ]),
    since: nullable(Type.String({ ...isoDate, description: 'When the child reached this stage' })),
    description: Type.String({ description: 'The status in words, as the pages show it' }),
    details: Type.Object({
      enquiry: Type.Optional(Type.String({ description: 'assessment or section-47 (stage assessment)' })),
      plan: Type.Optional(
        Type.Boolean({ description: 'Whether a child in need plan is open (child-in-need)' }),
      ),
      category: Type.Optional(Type.String({ description: 'Latest category of abuse, in words' })),
      start: Type.Optional(Type.String({ ...isoDate, description: 'Start of the child protection plan' })),
      legalStatus: Type.Optional(
        nullable(Type.Object({ code: Type.String(), words: Type.String(), since: Type.String(isoDate) })),
      ),
      placement: Type.Optional(
        nullable(Type.Object({ code: Type.String(), words: Type.String(), start: Type.String(isoDate) })),
      ),
      status: Type.Optional(
        Type.String({ description: 'eligible, relevant, former-relevant or qualifying' }),
      ),
      died: Type.Optional(Type.Boolean()),
    }),
  },
  { description: 'The child’s journey status today' },
);

/** The status as JSON: dates as YYYY-MM-DD (Temporal dates write themselves so), with its words. */
export function statusAsJson(status: JourneyStatus): Static<typeof JourneyStatusSchema> {
  return {
    stage: status.stage,
    since: status.since?.toString() ?? null,
    description: describe(status),
    details: 'details' in status ? JSON.parse(JSON.stringify(status.details)) : {},
  };
}
