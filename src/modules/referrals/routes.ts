import type { FastifyInstance } from 'fastify';
import { Type, type TSchema } from 'typebox';
import type { Actor } from '../../platform/actor.ts';
import { actorOf } from '../../platform/authentication.ts';
import { Conflict, NotFound, ValidationError } from '../../platform/errors.ts';
import { formErrors } from '../../platform/forms.ts';
import { access, type AuditAction, type Permission } from '../../platform/route-table.ts';
import { takeFormStash } from '../sign-in/service.ts';
import { overseeAssessment, recordAssessment, resendAssessment } from './assessment-service.ts';
import {
  AssessmentForm,
  AssessmentParams,
  ChildParams,
  CloseForm,
  ContactForm,
  EpisodeParams,
  OversightForm,
  ReferralForm,
  ResendForm,
  formDate,
  listOf,
} from './schemas.ts';
import { closeEpisode, recordContact, recordReferral, viewJourney } from './service.ts';
import {
  codeSelectItems,
  decisionNames,
  codeWords,
  codesInWords,
  factorItems,
  namedItems,
  outcomeNames,
} from './views/journey-view-models.ts';
import { childHeader } from '../child-header/service.ts';

type Form = Record<string, string | string[] | undefined>;
type Params = { childId: string; episodeId?: string; assessmentId?: string };
type Journey = Awaited<ReturnType<typeof viewJourney>>;
type Oversaw = Awaited<ReturnType<typeof overseeAssessment>>;

/**
 * Where an authorised assessment's outcome leads (issue 17): the form of the step it starts, so the manager is asked
 * for it at once; a returned assessment, or an outcome that starts nothing, goes back to the journey page.
 */
function nextStepUrl(childId: string, saved: Oversaw): string | undefined {
  const child = `/children/${childId}`;
  switch (saved.next) {
    case 'child-in-need-plan':
      return `${child}/cin-plans/new`;
    case 'strategy-discussion':
      return `${child}/strategy-discussions/new`;
    case 'looked-after':
      return `${child}/periods-of-care/new`;
    case 'close':
      return `${child}/episodes/${saved.episodeId}/close`;
    default:
      return undefined;
  }
}

/** The items a form's selects, radios and checkboxes need, with what was typed chosen again. */
function choices(actor: Actor, values: Form) {
  return {
    sources: codeSelectItems('ReferralSource', actor.today, values.source),
    primaryNeeds: codeSelectItems('PrimaryNeedCode', actor.today, values.primaryNeed),
    closureReasons: codeSelectItems('ReasonForClosure', actor.today, values.reason),
    decisions: namedItems(decisionNames, values.decision),
    outcomes: [{ value: '', text: 'Not yet known' }, ...namedItems(outcomeNames, values.outcome)],
    // Authorising decides the outcome: "not yet known" is not one of them (issue 17).
    authorisableOutcomes: namedItems(outcomeNames, values.outcome),
    outcomeNames,
    factorWords: codeWords('AssessmentFactors', actor.today),
    factors: factorItems(actor.today, values.factors),
    factorsInWords: codesInWords('AssessmentFactors', actor.today),
  };
}

function findEpisode(journey: Journey, episodeId: string | undefined) {
  const episode = journey.episodes.find((candidate) => candidate.id === episodeId);
  if (!episode) throw new NotFound();
  return episode;
}

/** The open episode a contact just saved was added to, for the page's confirmation. */
function contactAddedToEpisode(journey: Journey, contactId: string | undefined) {
  const contact = journey.contacts.find((candidate) => candidate.id === contactId);
  return journey.episodes.find((episode) => contact?.episode_id && episode.id === contact.episode_id);
}

function findAssessment(journey: Journey, assessmentId: string | undefined) {
  for (const episode of journey.episodes)
    for (const assessment of episode.assessments)
      if (assessment.id === assessmentId) return { episode, assessment };
  throw new NotFound();
}

/** The pages of the front door and assessment: the child's journey, and a form for each step. */
export async function referralRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.hearth;

  app.get<{ Params: Params; Querystring: { added?: string } }>(
    '/children/:childId/journey',
    {
      config: access('child:read', 'episodes.viewed'),
      schema: {
        params: ChildParams,
        querystring: Type.Object({ added: Type.Optional(Type.String({ format: 'uuid' })) }),
        hide: true,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const journey = await viewJourney(db, actor, request.params.childId);
      // The header is made from the record the journey read, not a second read of it.
      const { record, ...shown } = journey;
      return reply.page('referrals/views/journey.njk', {
        childHeader: await childHeader(db, actor, request.params.childId, record),
        addedToEpisode: contactAddedToEpisode(journey, request.query.added),
        pageTitle: `Contacts, referrals and assessments – ${journey.child.given_name} ${journey.child.family_name}`,
        childId: request.params.childId,
        ...shown,
        decisionNames,
        outcomeNames,
        sourceWords: codeWords('ReferralSource', actor.today),
        needWords: codeWords('PrimaryNeedCode', actor.today),
        closureWords: codeWords('ReasonForClosure', actor.today),
        factorsInWords: codesInWords('AssessmentFactors', actor.today),
      });
    },
  );

  /**
   * One form step: the page (restoring what was typed if a session ended mid-submit), and its submission, which
   * shows the GOV.UK error summary with what was typed on a refusal, or the changes since on a stale edit.
   */
  function formStep(spec: {
    url: string;
    permission: Permission;
    audit: AuditAction;
    params: TSchema;
    body: TSchema;
    template: string;
    title: string;
    initial?: (journey: Journey, params: Params, query: { contact?: string }) => Form;
    submit: (actor: Actor, params: Params, form: Form) => Promise<unknown>;
    /** Where to go once saved: the journey page unless said otherwise. */
    next?: (params: Params, form: Form, saved: unknown) => string | undefined;
  }) {
    const render = async (
      actor: Actor,
      params: Params,
      values: Form,
      extra: Record<string, unknown>,
      query: { contact?: string } = {},
    ) => {
      const journey = await viewJourney(db, actor, params.childId);
      const episode = params.episodeId ? findEpisode(journey, params.episodeId) : undefined;
      const found = params.assessmentId ? findAssessment(journey, params.assessmentId) : undefined;
      const merged = { ...(spec.initial?.(journey, params, query) ?? {}), ...values };
      return {
        pageTitle: spec.title,
        child: journey.child,
        childId: params.childId,
        episode: episode ?? found?.episode,
        openEpisode: journey.episodes.find((candidate) => candidate.closed_on === null),
        assessment: found?.assessment,
        values: merged,
        errors: {},
        ...choices(actor, merged),
        ...extra,
      };
    };
    app.get<{ Params: Params; Querystring: { restore?: string; contact?: string } }>(
      spec.url,
      {
        config: access(spec.permission, 'episodes.viewed'),
        schema: {
          params: spec.params,
          querystring: Type.Object({
            restore: Type.Optional(Type.String({ maxLength: 100 })),
            contact: Type.Optional(Type.String({ format: 'uuid' })),
          }),
          hide: true,
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const restored = request.query.restore
          ? await takeFormStash(db, actor, request.query.restore)
          : undefined;
        const values = (restored?.fields ?? {}) as Form;
        return reply.page(
          spec.template,
          await render(actor, request.params, values, { restored: Boolean(restored) }, request.query),
        );
      },
    );
    app.post<{ Params: Params; Body: Form }>(
      spec.url,
      {
        config: access(spec.permission, spec.audit),
        schema: { params: spec.params, body: spec.body, hide: true },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        let saved: unknown;
        try {
          saved = await spec.submit(actor, request.params, request.body);
        } catch (error) {
          if (error instanceof ValidationError)
            return reply
              .code(400)
              .page(
                spec.template,
                await render(actor, request.params, request.body, formErrors(error.fields)),
              );
          if (error instanceof Conflict)
            return reply
              .code(409)
              .page(
                spec.template,
                await render(
                  actor,
                  request.params,
                  { ...request.body, version: String(error.currentVersion) },
                  { conflict: error },
                ),
              );
          throw error;
        }
        const next = spec.next?.(request.params, request.body, saved);
        return reply.redirect(next ?? `/children/${request.params.childId}/journey`, 303);
      },
    );
  }

  formStep({
    url: '/children/:childId/contacts/new',
    permission: 'child:write',
    audit: 'contact.recorded',
    params: ChildParams,
    body: ContactForm,
    template: 'referrals/views/contact.njk',
    title: 'Record a contact',
    submit: (actor, params, form) =>
      recordContact(db, actor, params.childId, {
        receivedOn: formDate(form, 'receivedOn', 'The date the contact was received'),
        receivedTime: String(form.receivedTime ?? ''),
        source: String(form.source ?? ''),
        reason: String(form.reason ?? ''),
        mashPartners: String(form.mashPartners ?? '').split(/[\n,]/),
        decision: String(form.decision ?? ''),
        decidedOn: formDate(form, 'decidedOn', 'The date of the decision'),
      }),
    // A contact added to the open episode goes back to the journey, which says so; it does not start a referral.
    next: (params, form, saved) => {
      const { id, addedToEpisode } = saved as Awaited<ReturnType<typeof recordContact>>;
      if (addedToEpisode) return `/children/${params.childId}/journey?added=${id}`;
      return form.decision === 'referral'
        ? `/children/${params.childId}/referrals/new?contact=${id}`
        : undefined;
    },
  });

  formStep({
    url: '/children/:childId/referrals/new',
    permission: 'child:write',
    audit: 'referral.recorded',
    params: ChildParams,
    body: ReferralForm,
    template: 'referrals/views/referral.njk',
    title: 'Record a referral',
    // From a contact decided as a referral: its source and decision date are carried over, so nothing is typed twice.
    initial: (journey, _params, query) => {
      const contact = journey.contacts.find((candidate) => candidate.id === query.contact);
      if (!contact) return {};
      const [year, month, day] = contact.decided_on.split('-') as [string, string, string];
      return {
        contactId: contact.id,
        source: contact.source,
        'referralDate-day': String(Number(day)),
        'referralDate-month': String(Number(month)),
        'referralDate-year': year,
      };
    },
    submit: (actor, params, form) =>
      recordReferral(db, actor, params.childId, {
        referralDate: formDate(form, 'referralDate', 'The date of the referral'),
        source: String(form.source ?? ''),
        primaryNeed: String(form.primaryNeed ?? ''),
        noFurtherAction: form.noFurtherAction === 'yes',
        contactId: (form.contactId as string | undefined) || null,
      }),
  });

  formStep({
    url: '/children/:childId/episodes/:episodeId/assessments/new',
    permission: 'child:write',
    audit: 'assessment.recorded',
    params: EpisodeParams,
    body: AssessmentForm,
    template: 'referrals/views/assessment.njk',
    title: 'Record an assessment',
    submit: (actor, params, form) =>
      recordAssessment(db, actor, params.childId, params.episodeId!, {
        startDate: formDate(form, 'startDate', 'The date the assessment started'),
        factors: listOf(form.factors),
        outcome: String(form.outcome ?? ''),
        summary: String(form.summary ?? ''),
        analysis: String(form.analysis ?? ''),
        childsVoice: String(form.childsVoice ?? ''),
      }),
  });

  formStep({
    url: '/children/:childId/assessments/:assessmentId/authorise',
    permission: 'casework:authorise',
    audit: 'assessment.authorised',
    params: AssessmentParams,
    body: OversightForm,
    template: 'referrals/views/oversight.njk',
    title: 'Management oversight of the assessment',
    initial: (journey, params) => {
      const { assessment } = findAssessment(journey, params.assessmentId);
      return { version: String(assessment.version), outcome: assessment.outcome ?? '' };
    },
    submit: (actor, params, form) =>
      overseeAssessment(db, actor, params.childId, params.assessmentId!, {
        decision: String(form.decision ?? ''),
        oversightNote: String(form.oversightNote ?? ''),
        returnReasons: String(form.returnReasons ?? ''),
        outcome: String(form.outcome ?? ''),
        decidedOn: formDate(form, 'decidedOn', 'The date of authorisation'),
        version: Number(form.version),
      }),
    next: (params, _form, saved) => nextStepUrl(params.childId, saved as Oversaw),
  });

  formStep({
    url: '/children/:childId/assessments/:assessmentId/resend',
    permission: 'child:write',
    audit: 'assessment.resent',
    params: AssessmentParams,
    body: ResendForm,
    template: 'referrals/views/resend.njk',
    title: 'Revise the assessment and send it back',
    initial: (journey, params) => {
      const { assessment } = findAssessment(journey, params.assessmentId);
      return {
        version: String(assessment.version),
        outcome: assessment.outcome ?? '',
        summary: assessment.summary ?? '',
        analysis: assessment.analysis ?? '',
        childsVoice: assessment.childs_voice ?? '',
      };
    },
    submit: (actor, params, form) =>
      resendAssessment(db, actor, params.childId, params.assessmentId!, {
        summary: String(form.summary ?? ''),
        analysis: String(form.analysis ?? ''),
        childsVoice: String(form.childsVoice ?? ''),
        outcome: String(form.outcome ?? ''),
        version: Number(form.version),
      }),
  });

  formStep({
    url: '/children/:childId/episodes/:episodeId/close',
    permission: 'child:write',
    audit: 'episode.closed',
    params: EpisodeParams,
    body: CloseForm,
    template: 'referrals/views/close.njk',
    title: 'Close the episode of need',
    initial: (journey, params) => ({ version: String(findEpisode(journey, params.episodeId).version) }),
    submit: (actor, params, form) =>
      closeEpisode(db, actor, params.childId, params.episodeId!, {
        closedOn: formDate(form, 'closedOn', 'The date the episode closed'),
        reason: String(form.reason ?? ''),
        version: Number(form.version),
      }),
  });
}
