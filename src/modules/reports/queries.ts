import type { Kysely } from 'kysely';
import type { Tables } from '../../db/schema.ts';

/** What the author of the committee report on a period has written, if anything (migration 0070). */
export function reportWords(db: Kysely<Tables>, councilId: string, period: { start: string; end: string }) {
  return db
    .selectFrom('committee_reports')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('period_start', '=', period.start)
    .where('period_end', '=', period.end)
    .executeTakeFirst();
}

/** Keeps what the author wrote, replacing what was there. */
export async function saveReportWords(
  db: Kysely<Tables>,
  row: {
    council_id: string;
    period_start: string;
    period_end: string;
    committee: string;
    meeting_date: string | null;
    author: string;
    classification: 'public' | 'exempt';
    exempt_paragraph: number | null;
    summary: string;
    recommendations: string;
    commentary: Record<string, string>;
    implications: Record<string, string>;
    exempt_appendix: string;
    exempt_appendix_roles: string[];
    updated_by: string;
    updated_at: Date;
  },
) {
  const values = {
    ...row,
    commentary: JSON.stringify(row.commentary),
    implications: JSON.stringify(row.implications),
  };
  await db
    .insertInto('committee_reports')
    .values(values)
    .onConflict((conflict) =>
      conflict.columns(['council_id', 'period_start', 'period_end']).doUpdateSet((eb) => ({
        committee: eb.ref('excluded.committee'),
        meeting_date: eb.ref('excluded.meeting_date'),
        author: eb.ref('excluded.author'),
        classification: eb.ref('excluded.classification'),
        exempt_paragraph: eb.ref('excluded.exempt_paragraph'),
        summary: eb.ref('excluded.summary'),
        recommendations: eb.ref('excluded.recommendations'),
        commentary: eb.ref('excluded.commentary'),
        implications: eb.ref('excluded.implications'),
        exempt_appendix: eb.ref('excluded.exempt_appendix'),
        exempt_appendix_roles: eb.ref('excluded.exempt_appendix_roles'),
        updated_by: eb.ref('excluded.updated_by'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

/** The council's name, for the report's title block. */
export function councilName(db: Kysely<Tables>, councilId: string) {
  return db.selectFrom('councils').select('name').where('id', '=', councilId).executeTakeFirstOrThrow();
}

/** What the author of a year's self-evaluation has written, and who last changed it (migration 0084). */
export function selfEvaluationAnswers(db: Kysely<Tables>, councilId: string, year: number) {
  return db
    .selectFrom('self_evaluations as s')
    .leftJoin('users as u', (join) =>
      join.onRef('u.id', '=', 's.updated_by').onRef('u.council_id', '=', 's.council_id'),
    )
    .leftJoin('workers as w', (join) =>
      join.onRef('w.id', '=', 'u.worker_id').onRef('w.council_id', '=', 'u.council_id'),
    )
    .select(['s.answers', 's.updated_at', 'w.given_name', 'w.family_name'])
    .where('s.council_id', '=', councilId)
    .where('s.year', '=', year)
    .executeTakeFirst();
}

/** Keeps the self-evaluation's answers, replacing what was there. */
export async function saveSelfEvaluationAnswers(
  db: Kysely<Tables>,
  row: { council_id: string; year: number; answers: unknown; updated_by: string; updated_at: Date },
) {
  await db
    .insertInto('self_evaluations')
    .values({ ...row, answers: JSON.stringify(row.answers) })
    .onConflict((conflict) =>
      conflict.columns(['council_id', 'year']).doUpdateSet((eb) => ({
        answers: eb.ref('excluded.answers'),
        updated_by: eb.ref('excluded.updated_by'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}
