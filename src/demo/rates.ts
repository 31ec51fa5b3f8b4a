/**
 * The national figures the demo council is shaped to, England, 2023–24 (per 10,000 children aged 0–17):
 *
 * - DfE, "Children in need, reporting year 2024" (published October 2024): referrals about 545 per 10,000; about
 *   22% re-referrals within 12 months; about 8% of referrals ended in no further action; about 82% of assessments
 *   completed within 45 working days; section 47 enquiries about 176 per 10,000; about 78% of initial child
 *   protection conferences within 15 working days of the strategy discussion; about 42 per 10,000 on a child
 *   protection plan and about 330 per 10,000 children in need at 31 March 2024.
 * - DfE, "Characteristics of children in need, reporting year 2024": ages, primary needs, assessment factors and
 *   ethnicity of children in need; categories of abuse (neglect about half, emotional abuse about a third).
 * - DfE, "Children looked after in England including adoptions, reporting year 2024" (November 2024): 70 per
 *   10,000 looked after at 31 March 2024, about 9% of them unaccompanied asylum-seeking children; about 27 per
 *   10,000 started to be looked after in the year; most on care orders and most fostered; care leavers aged
 *   17–21 a little over half the looked-after figure.
 *
 * These are the rounded figures the issue gives; the releases should be re-read when the demo is re-tuned.
 * The realism test (src/demo/realism.int.test.ts) checks a generated `medium` council against them.
 */
export const targets = {
  referralsPer10k: 545,
  reReferralShare: 0.22,
  noFurtherActionShare: 0.08,
  assessmentsWithin45: 0.82,
  section47Per10k: 176,
  conferencesWithin15: 0.78,
  childProtectionPer10k: 42,
  childrenInNeedPer10k: 330,
  lookedAfterPer10k: 70,
  uascShare: 0.09,
} as const;

/**
 * The flows that make those figures, tuned by generating councils and counting (the realism test). Starts of
 * care are their own stream because care lasts years; everything else flows from referrals.
 */
export const flows = {
  /** Children starting to be looked after, per 10,000 a year (about 27 nationally). */
  careStartsPer10k: 29,
  /** Of children starting care, unaccompanied asylum-seeking children. */
  careStartsUasc: 0.145,
  /** Other referrals per 10,000 a year, the first of a child's chain. */
  firstReferralsPer10k: 368,
  /** A closed episode is followed by another referral within 12 months of its own referral. */
  reReferralWithinYear: 0.3,
  /** ... or by a later one. */
  laterReferral: 0.1,
  noFurtherAction: 0.085,
  /** Of assessed referrals outside care, those that lead to a section 47 enquiry. */
  section47: 0.38,
  /** Of section 47 enquiries: an initial conference, a child in need plan, or no further action. */
  conference: 0.42,
  section47ChildInNeed: 0.33,
  planAtConference: 0.88,
  /** Of other assessed referrals, those that go on to a child in need plan (the rest close). */
  childInNeedPlan: 0.42,
  /** Contacts that do not become referrals, per referral. */
  otherContacts: 1.2,
} as const;

/**
 * How often the council's recurring work is done on time, by the timescales of src/domain/timescales. England
 * publishes none of these nationally (the CIN census times only assessments and initial conferences, above), so
 * they are assumptions, not statistics: a council that inspectors would find broadly in control of its casework,
 * as local performance reports to corporate parenting boards and Ofsted's inspection letters describe one, with
 * visits and reviews mostly on time and the health and education work that relies on partners (NHS health
 * assessments, schools' PEP meetings) less reliably so. Each is the chance that one piece of work is on time;
 * the share measured is a little lower, as work still outstanding today counts against it.
 */
export const timeliness = {
  childInNeedVisit: 0.85,
  childInNeedPlanReview: 0.86,
  childProtectionVisit: 0.88,
  lookedAfterVisit: 0.9,
  /** Done by the NHS on the council's request; the slowest part of coming into care in many councils. */
  initialHealthAssessment: 0.78,
  healthAssessmentReview: 0.88,
  personalEducationPlan: 0.8,
  /** A PEP meeting in each school term. */
  personalEducationPlanReview: 0.9,
  pathwayPlanReview: 0.85,
  careLeaverContact: 0.88,
} as const;
