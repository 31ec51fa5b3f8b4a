import { Temporal } from 'temporal-polyfill';
import {
  inductionSteps,
  TRAINING_NOTICE_DAYS,
  trainingDue,
  trainingEndReasons,
  type TrainingEndReason,
  type TrainingRecord,
} from '../../../domain/workforce/people-records.ts';
import { postState, postTotals, type PostOnDay } from '../../../domain/workforce/posts.ts';
import { jobs } from '../../../domain/workforce/staff-rows.ts';
import { escapeHtml, ukDate } from '../../../platform/views.ts';
import type { WorkerRow } from '../people-queries.ts';

/**
 * The Workforce section's tables and summary lists as GOV.UK rows (issue 21, part 1): pure functions of what
 * the service read and `today`, so that a template only lays them out.
 */

export const contractWords: Record<string, string> = {
  permanent: 'Permanent',
  'fixed-term': 'Fixed term',
  agency: 'Agency',
  locum: 'Locum',
  student: 'Student',
};
export const leavingReasonWords: Record<string, string> = {
  resigned: 'Resigned',
  retired: 'Retired',
  'end-of-contract': 'End of contract',
  dismissed: 'Dismissed',
  'moved-within-council': 'Moved to another post in the council',
  other: 'Other reason',
};
/** The steps of an international recruit's induction, in words. */
export const inductionStepWords: Readonly<Record<string, string>> = inductionSteps;

const jobWords = (job: string | null) =>
  job && job in jobs ? jobs[job as keyof typeof jobs] : 'Not recorded';
const tag = (text: string, colour: string) =>
  `<strong class="govuk-tag govuk-tag--${colour}">${text}</strong>`;
const fteText = (fte: number) => String(Number(fte.toFixed(2)));
const link = (href: string, text: string) => `<a class="govuk-link" href="${href}">${escapeHtml(text)}</a>`;

export interface PostRow {
  id: string;
  team_id: string;
  title: string;
  job: string;
  fte: string;
  holder_id: string | null;
  holder_name: string | null;
  holder_contract: string | null;
  holder_fte: string | null;
}

const onDay = (post: PostRow): PostOnDay => ({
  fte: Number(post.fte),
  holderContract: post.holder_contract,
  holderFte: post.holder_fte === null ? null : Number(post.holder_fte),
});

/** Each team with its caseload target, managers and posts: established, filled, vacant, covered by agency. */
export function teamRows(
  teams: ReadonlyArray<{ id: string; name: string; caseload_target: number | null; managers: string | null }>,
  posts: readonly PostRow[],
) {
  return teams.map((team) => {
    const totals = postTotals(posts.filter((post) => post.team_id === team.id).map(onDay));
    return [
      { html: link(`/workforce/teams/${team.id}`, team.name) },
      { text: team.managers ?? 'No manager' },
      { text: team.caseload_target === null ? 'None set' : String(team.caseload_target), format: 'numeric' },
      { text: fteText(totals.established), format: 'numeric' },
      { text: fteText(totals.filled), format: 'numeric' },
      { text: fteText(totals.vacant), format: 'numeric' },
      { text: fteText(totals.agencyCover), format: 'numeric' },
    ];
  });
}

/**
 * A team's posts: title, job, FTE, who holds it (and on what contract), and its state; with links to correct or
 * disestablish each when `postsBase` is given (for those who shape the establishment).
 */
export function postRows(posts: readonly PostRow[], postsBase: string | null = null) {
  return posts.map((post) => {
    const state = postState(onDay(post));
    const colour = { Filled: 'green', 'Part filled': 'yellow', 'Agency cover': 'blue', Vacant: 'red' }[state];
    const hidden = `<span class="govuk-visually-hidden"> ${escapeHtml(post.title)}</span>`;
    const row = [
      { text: post.title },
      { text: jobWords(post.job) },
      { text: fteText(Number(post.fte)), format: 'numeric' },
      post.holder_id
        ? {
            html: `${link(`/workforce/staff/${post.holder_id}`, post.holder_name ?? '')} (${escapeHtml(
              (contractWords[post.holder_contract ?? ''] ?? '').toLowerCase(),
            )}, ${fteText(Number(post.holder_fte))} FTE)`,
          }
        : { text: 'Nobody' },
      { html: tag(state, colour) },
    ];
    if (postsBase === null) return row;
    const base = `${postsBase}/${post.id}`;
    return [
      ...row,
      {
        html:
          `<a class="govuk-link" href="${base}/change">Correct${hidden}</a><br>` +
          `<a class="govuk-link" href="${base}/disestablish">Disestablish${hidden}</a>`,
      },
    ];
  });
}

/** A worker as the staff pages show them (whatever their sign-in role). */
export type StaffMember = Omit<WorkerRow, 'role'>;

/** Social Work England registration: the number, and a warning when it has lapsed or lapses within 30 days. */
export function registrationHtml(worker: StaffMember, today: string): string {
  if (!worker.swe_number) return 'Not registered';
  const number = escapeHtml(worker.swe_number);
  if (!worker.swe_expires_on) return number;
  if (worker.swe_expires_on < today)
    return `${number}<br>${tag(`Expired ${ukDate(worker.swe_expires_on)}`, 'red')}`;
  const soon = Temporal.PlainDate.from(today).add({ days: 30 }).toString();
  return worker.swe_expires_on <= soon
    ? `${number}<br>${tag(`Expires ${ukDate(worker.swe_expires_on)}`, 'yellow')}`
    : `${number}<br>until ${ukDate(worker.swe_expires_on)}`;
}

/** Where a worker is in their assessed and supported year in employment, if they are in it or finished it. */
export function asyeText(worker: StaffMember, today: string): string | null {
  if (!worker.asye_started_on) return null;
  if (worker.asye_completed_on) return `ASYE completed on ${ukDate(worker.asye_completed_on)}`;
  const months = Temporal.PlainDate.from(worker.asye_started_on).until(Temporal.PlainDate.from(today), {
    largestUnit: 'months',
  }).months;
  return months >= 12
    ? `ASYE since ${ukDate(worker.asye_started_on)}: not yet signed off`
    : `In ASYE: month ${Math.max(1, months + 1)} of 12`;
}

/** An international recruit's induction, if they have one. */
export function inductionText(worker: StaffMember, steps?: number): string | null {
  if (!worker.induction_started_on) return null;
  const from = worker.recruited_from ? ` (recruited from ${worker.recruited_from})` : '';
  if (worker.induction_completed_on)
    return `Induction completed on ${ukDate(worker.induction_completed_on)}${from}`;
  const done =
    steps === undefined ? '' : `, ${steps} of ${Object.keys(inductionStepWords).length} steps done`;
  return `In induction since ${ukDate(worker.induction_started_on)}${from}${done}`;
}

/** What a manager should know at a glance: leaving, ASYE, induction, appraisal or training overdue. */
function noticeHtml(worker: StaffMember, today: string): string {
  const notices: string[] = [];
  if (worker.left_on) {
    const reason = worker.leaving_reason ? `: ${leavingReasonWords[worker.leaving_reason]}` : '';
    notices.push(
      escapeHtml(`${worker.left_on <= today ? 'Left' : 'Leaves'} on ${ukDate(worker.left_on)}${reason}`),
    );
  }
  for (const text of [asyeText(worker, today), inductionText(worker)])
    if (text) notices.push(escapeHtml(text));
  if (worker.appraisal_due_on && worker.appraisal_due_on < today)
    notices.push(tag('Appraisal overdue', 'red'));
  if (worker.training_expires_on && worker.training_expires_on < today)
    notices.push(tag('Training expired', 'red'));
  else if (
    worker.training_expires_on &&
    worker.training_expires_on <=
      Temporal.PlainDate.from(today).add({ days: TRAINING_NOTICE_DAYS }).toString()
  )
    notices.push(tag('Training expires soon', 'yellow'));
  // One a line, with a little space between, so that two tags do not read as one.
  return notices
    .map((notice) => `<span class="govuk-!-display-block govuk-!-margin-bottom-1">${notice}</span>`)
    .join('');
}

/** The staff list: name, job, team, contract and FTE, registration, start date, and what needs attention. */
export function staffRows(workers: readonly StaffMember[], today: string) {
  return workers.map((worker) => [
    { html: link(`/workforce/staff/${worker.id}`, `${worker.given_name} ${worker.family_name}`) },
    { text: jobWords(worker.job) },
    { text: worker.team_names ?? 'No team' },
    { text: `${contractWords[worker.contract] ?? worker.contract}, ${fteText(Number(worker.fte))}` },
    { html: registrationHtml(worker, today) },
    { text: worker.started_on ? ukDate(worker.started_on) : 'Not recorded' },
    { html: noticeHtml(worker, today) },
  ]);
}

/** One worker's record as a GOV.UK summary list. */
export function workerSummary(
  worker: StaffMember & { educator_name: string | null; students: string | null },
  today: string,
  inductionSteps: number,
  /** The worker's page, for those who may record on it: the rows get their Record links. */
  base: string | null = null,
) {
  const action = (href: string, text: string, hidden: string) =>
    base ? { actions: { items: [{ href: `${base}/${href}`, text, visuallyHiddenText: hidden }] } } : {};
  const row = (
    key: string,
    value: { text: string } | { html: string },
    actions: ReturnType<typeof action> = {},
  ) => ({ key: { text: key }, value, ...actions });
  const date = (value: string | null) => ({ text: value ? ukDate(value) : 'Not recorded' });
  const appraisalDue = worker.appraisal_due_on
    ? ukDate(worker.appraisal_due_on) + (worker.appraisal_due_on < today ? ` ${tag('Overdue', 'red')}` : '')
    : 'Not recorded';
  return [
    row('Job', { text: jobWords(worker.job) }),
    row('Team', { text: worker.team_names ?? 'No team today' }),
    row('Contract', { text: contractWords[worker.contract] ?? worker.contract }),
    row('Full-time equivalent', { text: fteText(Number(worker.fte)) }),
    row('Social Work England', { html: registrationHtml(worker, today) }),
    row('Started', date(worker.started_on)),
    ...(worker.left_on
      ? [
          row(worker.left_on <= today ? 'Left' : 'Leaves', date(worker.left_on)),
          row(
            'Reason for leaving',
            { text: leavingReasonWords[worker.leaving_reason ?? ''] ?? 'Not recorded' },
            action('leaving/new', 'Change', 'leaving date and reason'),
          ),
        ]
      : [row('Leaving', { text: 'Not leaving' }, action('leaving/new', 'Record leaving', ''))]),
    row('Lead areas', { text: worker.lead_areas.length ? worker.lead_areas.join(', ') : 'None' }),
    row('ASYE', { text: asyeText(worker, today) ?? 'Not in ASYE' }),
    row(
      'Induction',
      { text: inductionText(worker, inductionSteps) ?? 'No induction recorded' },
      worker.induction_completed_on
        ? {}
        : action('induction-steps/new', 'Mark a step done', 'in the induction'),
    ),
    ...(worker.educator_name ? [row('Practice educator', { text: worker.educator_name })] : []),
    ...(worker.students ? [row('Practice educator to', { text: worker.students })] : []),
    row('Last appraisal', date(worker.appraised_on), action('appraisals/new', 'Record an appraisal', '')),
    row('Next appraisal due', { html: appraisalDue }),
  ];
}

export interface TrainingShown {
  id: string;
  course: string;
  completed_on: string;
  expires_on: string | null;
  ended_on: string | null;
  end_reason: string | null;
}

const asRecord = (record: TrainingShown): TrainingRecord => ({
  course: record.course,
  completedOn: record.completed_on,
  expiresOn: record.expires_on,
  endedOn: record.ended_on,
});

const inDays = (days: number) => (days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`);

/**
 * A worker's training, latest first: course, completed, and its expiry, flagged red when it has passed unrenewed
 * and yellow when it passes within 60 days; an ended record says why. Those who may record get Change and End.
 */
export function trainingRows(
  training: readonly TrainingShown[],
  today: string,
  changeHref: ((record: TrainingShown) => string) | null,
) {
  const key = (course: string) => course.trim().toLowerCase();
  const due = new Map(trainingDue(training.map(asRecord), today).map((each) => [key(each.course), each]));
  return training.map((record) => {
    const warning = record.ended_on === null ? due.get(key(record.course)) : undefined;
    const latest = warning && warning.expiresOn === record.expires_on;
    let expiry = record.expires_on ? escapeHtml(ukDate(record.expires_on)) : 'Does not expire';
    if (latest && warning.days < 0) expiry += `<br>${tag('Expired', 'red')}`;
    else if (latest) expiry += `<br>${tag(`Expires ${inDays(warning.days)}`, 'yellow')}`;
    // An older record of a course done again since reads as renewed, not as a second current one.
    const renewal = training
      .filter((other) => other.ended_on === null && key(other.course) === key(record.course))
      .map((other) => other.completed_on)
      .filter((day) => day > record.completed_on)
      .sort()[0];
    const state =
      record.ended_on !== null
        ? `Ended ${ukDate(record.ended_on)}: ${
            trainingEndReasons[record.end_reason as TrainingEndReason] ?? 'reason not recorded'
          }`
        : renewal
          ? `Renewed ${ukDate(renewal)}`
          : 'Current';
    const href = changeHref && record.ended_on === null ? changeHref(record) : null;
    const hidden = `<span class="govuk-visually-hidden"> ${escapeHtml(record.course)}</span>`;
    return [
      { text: record.course },
      { text: ukDate(record.completed_on) },
      { html: expiry },
      { text: state },
      ...(changeHref
        ? [
            {
              html: href
                ? `<a class="govuk-link" href="${href}/change">Change${hidden}</a><br>` +
                  `<a class="govuk-link" href="${href}/end">End${hidden}</a>`
                : '',
            },
          ]
        : []),
    ];
  });
}

/** Courses expired or expiring within 60 days, for the warning at the top of the worker's page. */
export function trainingWarnings(training: readonly TrainingShown[], today: string): string[] {
  return trainingDue(training.map(asRecord), today).map((due) =>
    due.days < 0
      ? `${due.course} expired on ${ukDate(due.expiresOn)}`
      : `${due.course} expires ${due.days <= 1 ? inDays(due.days) : `on ${ukDate(due.expiresOn)} (${inDays(due.days)})`}`,
  );
}
