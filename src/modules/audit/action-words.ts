/**
 * What each audit action means, in words, for the audit pages (issue 17 part 9: words, not codes). The code stays
 * in the log and in a detail beside the words, for the auditor who searches by it or reads the log's raw form.
 */
const actionWords: Record<string, string> = {
  'access.reviewed': 'Reviewed break-glass access',
  'action.closed': 'Closed an action',
  'adoption-decision.recorded': 'Recorded a decision that a child should be placed for adoption',
  'adoption-decision.reversed': 'Recorded that an adoption decision was reversed',
  'adoption-match.recorded': 'Recorded a match with adopters',
  'allocations.ended': 'Ended allocations',
  'allocations.viewed': 'Looked at the allocations',
  'assessment.authorised': 'Authorised an assessment',
  'assessment.recorded': 'Recorded an assessment',
  'assessment.resent': 'Sent an assessment back for authorisation',
  'assessment.returned': 'Returned an assessment to the worker',
  'audit.searched': 'Searched the audit trail',
  'care-leaver-contact.recorded': 'Recorded contact with a care leaver',
  'care-leaver-status.changed': 'Changed care leaver status',
  'care-outcomes.recorded': 'Recorded the year’s outcomes for a child in care',
  'care-period.ended': 'Ended a period of care',
  'care-period.started': 'Started a period of care',
  'care-review.recorded': 'Recorded a looked-after review',
  'care.viewed': 'Looked at the care record',
  'caseload-weights.changed': 'Changed the caseload weights',
  'caseload.viewed': 'Looked at a caseload',
  'caseloads.viewed': 'Looked at team caseloads',
  'casenote.corrected': 'Corrected a case note',
  'casenote.draft-opened': 'Opened a draft case note',
  'casenote.draft-saved': 'Saved a draft case note',
  'casenote.recorded': 'Wrote a case note',
  'casenote.viewed': 'Read a case note',
  'casenotes.listed': 'Looked at the case notes',
  'child.access-list.added': 'Added a person to a restricted child’s list',
  'child.access-list.removed': 'Removed a person from a restricted child’s list',
  'child.access-log.viewed': 'Looked at who has seen the record',
  'child.address-recorded': 'Recorded an address',
  'child.allocated': 'Allocated a worker',
  'child.break-glass': 'Opened the record outside their access (break-glass)',
  'child.break-glass.refused': 'Was refused break-glass access',
  'child.created': 'Created the child’s record',
  'child.died.recorded': 'Recorded the child’s death',
  'child.flag-recorded': 'Added a warning',
  'child.read.refused': 'Was refused the record',
  'child.record-viewed': 'Opened the full record',
  'child.relationship-recorded': 'Added a person to the family and network',
  'child.restricted': 'Restricted the child’s record',
  'child.restriction-lifted': 'Lifted the restriction on the child’s record',
  'child.supervision-viewed': 'Looked at a child’s supervision discussions',
  'child.updated': 'Changed the record',
  'child.viewed': 'Opened the record',
  'child.write.refused': 'Was refused a change',
  'children.listed': 'Listed children',
  'children.searched': 'Searched for a child',
  'chronology.printed': 'Printed the chronology',
  'chronology.viewed': 'Looked at the chronology',
  'cin-plan-review.recorded': 'Recorded a child in need plan review',
  'cin-plan.ended': 'Ended a child in need plan',
  'cin-plan.started': 'Started a child in need plan',
  'closure-day.added': 'Added a closure day',
  'contact.recorded': 'Recorded a contact',
  'cp-core-group.recorded': 'Recorded a core group meeting',
  'cp-plan.ended': 'Ended a child protection plan',
  'cp-review-conference.recorded': 'Recorded a child protection review conference',
  'demo.generated': 'Loaded the demonstration council',
  'episode.closed': 'Closed an episode',
  'episodes.viewed': 'Looked at the journey',
  'front-door.checked': 'Checked for a child already known',
  'front-door.hidden-match': 'Checked for a child like this one, without seeing the record',
  'front-door.duplicate-viewed': 'Opened a possible duplicate to review',
  'front-door.duplicate-reviewed': 'Decided whether a new contact is about this child',
  'health-assessment.recorded': 'Recorded a health assessment',
  'initial-conference.recorded': 'Recorded an initial child protection conference',
  'legal-status.changed': 'Changed the legal status',
  'local-standard.set': 'Set a local standard',
  'missing-episode.recorded': 'Recorded a missing episode',
  'pathway-plan-review.recorded': 'Recorded a pathway plan review',
  'pathway-plan.started': 'Started a pathway plan',
  'personal-education-plan.recorded': 'Recorded a personal education plan',
  'placement.changed': 'Changed the placement',
  'protection.viewed': 'Looked at the child protection record',
  'referral.recorded': 'Recorded a referral',
  'reminders.built': 'Built the daily reminders',
  'report.words-saved': 'Wrote the words of a committee report',
  'retention.report.viewed': 'Looked at records due for review under the retention schedule',
  'return.exported': 'Exported a statutory return',
  'return.validated': 'Checked a statutory return',
  'route.refused': 'Was refused a page',
  'strategy-discussion.recorded': 'Recorded a strategy discussion',
  'staff.exported': 'Downloaded the staff list',
  'staff.imported': 'Uploaded the staff list',
  'supervision.child-discussed': 'Discussed a child in supervision',
  'supervision.read.refused': 'Was refused a supervision record',
  'supervision.recorded': 'Recorded a supervision',
  'supervision.viewed': 'Looked at a supervision record',
  'team.created': 'Created a team',
  'timescales.viewed': 'Looked at timescales',
  'token.created': 'Created an API token',
  'token.revoked': 'Revoked an API token',
  'user.changed': 'Changed a user',
  'user.created': 'Added a user',
  'user.disabled': 'Disabled a user',
  'user.enabled': 'Enabled a user',
  'user.provisioned': 'Was added from the council’s directory',
  'user.sign-in-code.removed': 'Turned off sign-in codes',
  'user.sign-in-code.set-up': 'Set up sign-in codes',
  'user.sign-in.refused': 'Was refused sign-in',
  'user.signed-in': 'Signed in',
  'user.signed-out': 'Signed out',
  'users.listed': 'Listed users',
  'visit.recorded': 'Recorded a visit',
  'worker.absence-ended': 'Ended a worker’s absence',
  'worker.absence-recorded': 'Recorded a worker’s absence',
  'worker.cover-arranged': 'Arranged cover for a worker',
  'worker.registration-changed': 'Changed a social worker’s Social Work England number',
  'workforce-census.exported': 'Downloaded the workforce census return',
};

/** The actions that have words, for the audit trail's filter, in alphabetical order of their words. */
export const actionChoices: ReadonlyArray<{ value: string; text: string }> = Object.entries(actionWords)
  .map(([value, text]) => ({ value, text }))
  .sort((a, b) => a.text.localeCompare(b.text, 'en-GB'));

/**
 * An audit action in words. An action without its own words (a recording form's, such as `placement.recorded`)
 * reads from its code: "Placement recorded". A refusal says so.
 */
export function actionInWords(action: string, outcome: string): string {
  const words = actionWords[action] ?? fromCode(action);
  return outcome === 'refused' && !action.includes('refused') ? `${words} (refused)` : words;
}

/** `care-review.recorded` as "Care review recorded". */
function fromCode(action: string): string {
  const words = action.replace(/[.-]/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Whether an action has its own words (for the test that every audited route has them). */
export function hasOwnWords(action: string): boolean {
  return action in actionWords;
}
