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
