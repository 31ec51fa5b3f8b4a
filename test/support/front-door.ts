import { dateBoxes } from './world.ts';

/** What the front door is told about Ruby Hall, a child not yet known (issue 17): for the front door's tests. */
export const ruby = {
  born: 'yes',
  givenName: 'Ruby',
  familyName: 'Hall',
  ...dateBoxes('dateOfBirth', '2019-04-11'),
  addressLine1: '3 Quarry Street',
  town: 'Leeds',
  postcode: 'ls6 2bx',
  nhsNumber: '943 476 5919',
  parentName: 'Chloe Hall',
  parentRelationship: 'mother',
};

/** The police's contact about her, on Monday 7 December 2026, decided as a referral. */
export const policeContact = {
  ...dateBoxes('receivedOn', '2026-12-07'),
  receivedTime: '09:15',
  source: '6',
  reason: 'Police called to the home overnight; Ruby was present',
  decision: 'referral',
  ...dateBoxes('decidedOn', '2026-12-07'),
};
