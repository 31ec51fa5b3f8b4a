import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { exportSubjectAccess } from '../../modules/governance/subject-access-service.ts';
import { disclosureFile } from '../../modules/governance/subject-access-render.ts';
import { londonDate } from '../../platform/actor.ts';
import { NotFound } from '../../platform/errors.ts';
import { createViews } from '../../platform/views.ts';
import { CommandError, withDatabase } from '../shared.ts';
import { chooseCouncil } from './staff.ts';

/**
 * `hearth sar --child ID --out FILE.pdf`: a child's record for a subject access request, every third party's
 * information withheld (issue 22 part 8). Choosing whom to disclose is done in the page, person by person.
 */
export function registerSubjectAccessCommand(program: Command): void {
  program
    .command('sar')
    .description('Write a child’s record for a subject access request, other people’s information redacted')
    .requiredOption('--child <id>', 'the child’s council ID (or Hearth’s id)')
    .requiredOption('--out <file>', 'the file to write: .pdf or .html')
    .option('--council <id>', 'the council, when the database holds several')
    .action((options: { child: string; out: string; council?: string }) =>
      withDatabase(async (db) => {
        const format = options.out.toLowerCase().endsWith('.html') ? 'html' : 'pdf';
        if (!/\.(pdf|html)$/i.test(options.out))
          throw new CommandError('--out must end in .pdf or .html.', 2);
        const councilId = await chooseCouncil(db, options.council);
        const now = new Date();
        const source = { councilId, now, today: londonDate(now), route: 'hearth sar' };
        const everyone = (record: { thirdParties: { key: string }[] }) =>
          new Set(record.thirdParties.map((party) => party.key));
        const exported = await exportSubjectAccess(db, source, options.child, everyone, format).catch(
          (error: unknown) => {
            if (error instanceof NotFound)
              throw new CommandError(`No child has the ID "${options.child}".`, 1);
            throw error;
          },
        );
        writeFileSync(
          options.out,
          await disclosureFile(createViews(), exported.record, exported.redacted, format),
        );
        console.log(
          `Wrote the record of ${exported.record.name} to ${options.out}, with ${exported.redacted.size} ${exported.redacted.size === 1 ? 'person’s' : 'people’s'} information redacted.`,
        );
      }),
    );
}
