import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function restrictedImports(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return result!.messages
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

// DESIGN.md: `domain/` imports nothing from the rest of `src/`; a module may call another module's service,
// never its queries. These rules are enforced by lint; this test shows the lint really refuses them.
describe('architecture rules in lint', () => {
  it.each([
    ['src/domain/calendar/working-days.ts', "import { openDatabase } from '../../db/database.ts';"],
    ['src/domain/timescales/rules.ts', "import { access } from '../../platform/route-table.ts';"],
    ['src/domain/calendar/working-days.ts', "import { readFileSync } from 'node:fs';"],
    ['src/domain/returns/read.ts', "import { Kysely } from 'kysely';"],
    ['src/modules/referrals/service.ts', "import { findChild } from '../children/queries.ts';"],
  ])('refuses, in %s: %s', async (filePath, source) => {
    expect(await restrictedImports(filePath, `${source}\n`)).toHaveLength(1);
  });

  it.each([
    ['src/domain/timescales/rules.ts', "import { addWorkingDays } from '../calendar/working-days.ts';"],
    ['src/modules/referrals/service.ts', "import { findChild } from '../children/service.ts';"],
    ['src/modules/referrals/service.ts', "import { referralRows } from './queries.ts';"],
  ])('allows, in %s: %s', async (filePath, source) => {
    expect(await restrictedImports(filePath, `${source}\n`)).toEqual([]);
  });
});
