import type { Role } from './permissions.ts';

/**
 * The person behind a request, as services see them. `today` is the calendar date in England at the time of
 * the request, so rules never read a clock of their own.
 */
export interface Actor {
  councilId: string;
  userId: string;
  workerId: string;
  role: Role;
  name: string;
  email: string;
  /** The session, for sign-ins through the browser; null for API tokens, which cannot break glass. */
  sessionId: string | null;
  ip: string | null;
  route: string | null;
  now: Date;
  today: string;
}

// Made once: making a formatter costs far more than formatting, and the obligations job formats every contact's time.
const londonDays = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in England at an instant, as YYYY-MM-DD. */
export function londonDate(instant: Date): string {
  return londonDays.format(instant);
}
