import type { Finding } from './findings.ts';

/** Where a rule found a fault: the table (or CIN module) and row, and the fields if not the rule's own. */
export interface RuleFlag {
  readonly table: string;
  readonly row: number;
  readonly fields?: readonly string[];
}

/** Inputs some rules need and a validation may lack. Without them those rules are skipped, never passed. */
export type RuleNeed = 'previous' | 'postcodes' | 'la' | 'providers';

/** What every rule is besides its test: its DfE code and message, what it reads, when it applies. */
interface RuleDescription<Context> {
  readonly code: string;
  readonly message: string;
  readonly tables: readonly string[];
  readonly fields: readonly string[];
  /** First and (if it has ended) last collection year the rule applies to; 2025 = 2025–26. */
  readonly years: { readonly from: number; readonly to?: number };
  /** DfE errors must be fixed; queries must be checked and may be explained instead. */
  readonly severity?: 'error' | 'query';
  readonly needs?: readonly RuleNeed[];
  /**
   * Whether the rule runs in this validation at all (say, only when every table it reads was supplied),
   * asked once per validation; without it, the rule runs.
   */
  applies?(context: Context): boolean;
}

/** A row of a return as the engine flags it: its table and its line. */
export interface FlaggableRow {
  readonly table: string;
  readonly row: number;
}

/**
 * One DfE validation rule: data (its code, message, tables, fields, years) and one small pure
 * function that looks at one child's records and says where they break the rule.
 */
export interface ChildRule<Child, Context> extends RuleDescription<Context> {
  /**
   * The table whose rows the rule flags, when it flags no other: a child with no row in it passes
   * the rule unlooked at (most children have no OC2, adoption or missing rows, say).
   */
  readonly flagsRowsOf?: keyof Child & string;
  check(child: Child, context: Context): readonly RuleFlag[];
  readonly rowBroken?: undefined;
}

/**
 * A rule that looks at each row of one table on its own (with the child and context to hand): the
 * engine walks the rows and flags each one `rowBroken` finds at fault. Most rules are of this kind,
 * and the engine calling the test directly saves a call, a loop and a list per child and rule.
 */
export interface RowRule<Child, Context> extends RuleDescription<Context> {
  readonly flagsRowsOf: keyof Child & string;
  rowBroken(row: FlaggableRow, child: Child, context: Context, index: number): boolean;
}

export type Rule<Child, Context> = ChildRule<Child, Context> | RowRule<Child, Context>;

/** What the context of a validation says about the inputs it holds. */
export interface RuleInputs {
  readonly year: number;
  readonly has: ReadonlySet<RuleNeed>;
}

export interface SkippedRule {
  readonly rule: string;
  readonly reason: string;
}

export interface Validation {
  readonly findings: Finding[];
  /** Rules that did not run, with why (a missing input): they are not passed. */
  readonly skipped: SkippedRule[];
  /** Codes of the rules that ran. */
  readonly ran: string[];
}

const needReasons: Record<RuleNeed, string> = {
  previous: "needs the previous year's return",
  postcodes: 'needs a postcode table (--postcodes)',
  la: "needs the council's own code (--la)",
  providers: "needs Ofsted's provider list (--providers)",
};

/** The rules that apply to a collection year. */
export function rulesOfYear<R extends { years: { from: number; to?: number } }>(
  rules: readonly R[],
  year: number,
): R[] {
  return rules.filter(
    (rule) => rule.years.from <= year && (rule.years.to === undefined || year <= rule.years.to),
  );
}

/**
 * Runs every rule of the context's year over every child, in one pass over the per-child index:
 * each child's records are visited once, by all the rules in turn. `onChild` reports progress.
 */
export function runRules<Child extends { readonly id: string }, Context extends RuleInputs>(
  rules: readonly Rule<Child, Context>[],
  children: Iterable<Child>,
  context: Context,
  onChild?: () => void,
): Validation {
  const skipped: SkippedRule[] = [];
  const runnable: Rule<Child, Context>[] = [];
  const ran: string[] = [];
  for (const rule of rulesOfYear(rules, context.year)) {
    const lacking = (rule.needs ?? []).filter((need) => !context.has.has(need));
    if (lacking.length > 0)
      skipped.push({ rule: rule.code, reason: lacking.map((need) => needReasons[need]).join('; ') });
    else {
      // A rule that does not apply (a table it reads was not supplied, say) has run, and found nothing.
      ran.push(rule.code);
      if (rule.applies?.(context) !== false) runnable.push(rule);
    }
  }
  // Rules grouped by the table whose rows they flag, so that a child with none of its rows skips the group.
  const groups = new Map<string | undefined, Rule<Child, Context>[]>();
  for (const rule of runnable) {
    const group = groups.get(rule.flagsRowsOf);
    if (group) group.push(rule);
    else groups.set(rule.flagsRowsOf, [rule]);
  }
  const grouped = [...groups].map(([table, rules]) => ({ table, rules }));
  const findings: Finding[] = [];
  // Indexed loops, not for…of: a validation runs once per process, mostly before V8 optimises these
  // loops, and unoptimised for…of makes an iterator object for each of about a million rule calls.
  for (const child of children) {
    for (let group = 0; group < grouped.length; group++) {
      const { table, rules } = grouped[group]!;
      if (table !== undefined && (child[table as keyof Child] as readonly unknown[]).length === 0) continue;
      for (let index = 0; index < rules.length; index++) {
        const rule = rules[index]!;
        if (rule.rowBroken !== undefined) {
          const rows = child[rule.flagsRowsOf] as readonly FlaggableRow[];
          for (let position = 0; position < rows.length; position++) {
            const row = rows[position]!;
            if (rule.rowBroken(row, child, context, position))
              findings.push({
                rule: rule.code,
                child: child.id,
                table: row.table,
                row: row.row,
                fields: rule.fields,
                message: rule.message,
                severity: rule.severity ?? 'error',
              });
          }
          continue;
        }
        const flags = rule.check(child, context);
        for (let flag = 0; flag < flags.length; flag++) {
          const { table: flagTable, row, fields } = flags[flag]!;
          findings.push({
            rule: rule.code,
            child: child.id,
            table: flagTable,
            row,
            fields: fields ?? rule.fields,
            message: rule.message,
            severity: rule.severity ?? 'error',
          });
        }
      }
    }
    onChild?.();
  }
  return { findings, skipped, ran };
}
