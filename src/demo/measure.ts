import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { complianceBetween, storedComplianceBetween } from '../modules/timescales/service.ts';
import { obligationWords } from '../modules/timescales/views/timescale-view-models.ts';
import { addWorkingDays, dayOf, isoOf } from './days.ts';

/**
 * The figures of rates.ts counted from a council's records with plain SQL, for the realism test and the
 * benchmark: the year to `asAt` for flows, `asAt` itself for the numbers at a point in time.
 */
export async function measureRates(db: Database, councilId: string, asAt: string, population: number) {
  const yearBefore = isoOf(dayOf(asAt) - 365);
  const per10k = (count: number) => (count * 10_000) / population;
  const one = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(db)).rows[0]!;
  const referrals = await one(sql<{ all: number; re: number; nfa: number }>`
    select count(*)::int as all, count(*) filter (where re_referral)::int as re,
      count(*) filter (where no_further_action)::int as nfa
    from episodes where council_id = ${councilId} and referral_date > ${yearBefore} and referral_date <= ${asAt}`);
  const assessments = await sql<{ referral_date: string; authorised_on: string }>`
    select e.referral_date, a.authorised_on from assessments a
    join episodes e on e.council_id = a.council_id and e.id = a.episode_id
    where a.council_id = ${councilId} and a.authorised_on > ${yearBefore} and a.authorised_on <= ${asAt}`.execute(
    db,
  );
  const inTime = assessments.rows.filter(
    (row) => row.authorised_on <= isoOf(addWorkingDays(dayOf(row.referral_date), 45)),
  );
  const section47 = await one(sql<{ count: number }>`
    select count(*)::int as count from section47_enquiries
    where council_id = ${councilId} and started_on > ${yearBefore} and started_on <= ${asAt}`);
  const conferences = await sql<{ discussed: string; held_on: string }>`
    select d.held_on as discussed, c.held_on from initial_conferences c
    join section47_enquiries s on s.council_id = c.council_id and s.id = c.section47_id
    join strategy_discussions d on d.council_id = s.council_id and d.id = s.strategy_discussion_id
    where c.council_id = ${councilId} and c.held_on > ${yearBefore} and c.held_on <= ${asAt}`.execute(db);
  const conferencesInTime = conferences.rows.filter(
    (row) => row.held_on <= isoOf(addWorkingDays(dayOf(row.discussed), 15)),
  );
  const stock = await one(sql<{ cp: number; cin: number; la: number; uasc: number; leavers: number }>`
    select
      (select count(distinct child_id)::int from cp_plans where council_id = ${councilId} and start_date <= ${asAt}
        and (end_date is null or end_date > ${asAt})) as cp,
      (select count(distinct e.child_id)::int from episodes e join children c on c.council_id = e.council_id and c.id = e.child_id
        where e.council_id = ${councilId} and e.referral_date <= ${asAt} and (e.closed_on is null or e.closed_on > ${asAt})
        and c.date_of_birth > (${asAt}::date - interval '18 years')) as cin,
      (select count(*)::int from care_periods where council_id = ${councilId} and start_date <= ${asAt}
        and (end_date is null or end_date > ${asAt})) as la,
      (select count(*)::int from care_periods p join children c on c.council_id = p.council_id and c.id = p.child_id
        where p.council_id = ${councilId} and p.start_date <= ${asAt} and (p.end_date is null or p.end_date > ${asAt})
        and c.uasc) as uasc,
      (select count(distinct child_id)::int from care_leaver_statuses where council_id = ${councilId}
        and from_date <= ${asAt} and (to_date is null or to_date > ${asAt})) as leavers`);
  return {
    referralsPer10k: per10k(referrals.all),
    reReferralShare: referrals.re / referrals.all,
    noFurtherActionShare: referrals.nfa / referrals.all,
    assessmentsWithin45: inTime.length / assessments.rows.length,
    section47Per10k: per10k(section47.count),
    conferencesWithin15: conferencesInTime.length / conferences.rows.length,
    childProtectionPer10k: per10k(stock.cp),
    childrenInNeedPer10k: per10k(stock.cin),
    lookedAfterPer10k: per10k(stock.la),
    uascShare: stock.uasc / stock.la,
    careLeaversPer10k: per10k(stock.leavers),
  };
}

/**
 * The on-time share of each kind of obligation due in the year to `asAt`, worked out by the timescales service
 * as `hearth compliance` does (the domain's rules, src/domain/timescales), in the order of the child's journey.
 */
export async function onTimeShares(
  db: Database,
  councilId: string,
  asAt: string,
  from: 'record' | 'stored obligations' = 'record',
) {
  const since = isoOf(dayOf(asAt) - 364);
  // The obligations the daily job stored as at `asAt` give the same figures without working them out again.
  const rows =
    from === 'record'
      ? await complianceBetween(db, councilId, since, asAt)
      : await storedComplianceBetween(db, councilId, since, asAt);
  const order = Object.keys(obligationWords);
  return rows
    .map((row) => ({ ...row, words: obligationWords[row.kind] ?? row.kind }))
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
}
