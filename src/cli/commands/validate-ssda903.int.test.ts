import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aChild, anEpisode, ssda903Files } from '../../domain/returns/ssda903/test-builders.ts';

// The installed command, which keeps Node's compile cache between runs: each process starts in half the time.
const main = new URL('../../../bin/hearth.js', import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), 'hearth-ssda903-'));

/** A return of one girl in Kent's own children's home (URN SC100001) in Medway since 1 May 2025. */
const returnFolder = join(folder, 'return');
mkdirSync(returnFolder);
for (const file of ssda903Files({
  Header: [aChild()],
  Episodes: [anEpisode({ PLACE: 'K2', URN: 'SC100001', HOME_POST: 'DA1 1AA', PL_POST: 'ME4 4TR' })],
}))
  writeFileSync(join(returnFolder, file.name), file.content);
writeFileSync(
  join(folder, 'postcodes.csv'),
  'pcd,laua,oseast1m,osnrth1m\nDA1 1AA,E07000107,553654.0,174061.0\nME4 4TR,E06000035,575711.0,168586.0\n',
);

/** Writes a provider list and runs `hearth validate ssda903` on the return with it. */
function validate(options: string[], providers?: string, env: Record<string, string> = {}) {
  if (providers !== undefined) writeFileSync(join(folder, 'providers.csv'), providers);
  const withProviders = providers === undefined ? [] : ['--providers', join(folder, 'providers.csv')];
  return spawnSync(
    process.execPath,
    [main, 'validate', 'ssda903', returnFolder, ...withProviders, ...options],
    {
      env: {
        PATH: process.env.PATH,
        HEARTH_LOG_LEVEL: 'silent',
        HEARTH_CACHE_DIR: join(folder, 'cache'),
        ...env,
      },
      encoding: 'utf8',
      timeout: 20_000,
    },
  );
}

describe('hearth validate ssda903 with postcodes and a provider list', () => {
  it('skips the URN rules without a provider list, and the placement rules without postcodes', () => {
    const run = validate([]);
    expect(run.stdout).toContain("  1008\tskipped: needs Ofsted's provider list (--providers)");
    expect(run.stdout).toContain('  1015\tskipped: needs a postcode table (--postcodes); needs the council');
  });

  it('checks the URN against the list, and reports the lines of the list it cannot read', () => {
    const run = validate([], 'URN,Placement codes,Sector\nSC100002,K2,Private\nSC100003,K9,\n,K2,Private\n');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('1008\t1\tEpisodes\t2\tURN\t');
    expect(run.stderr).toContain('providers.csv line 3: placement code(s) K9 not an SSDA903 code: left out');
    expect(run.stderr).toContain('providers.csv line 4: no URN: the line was not read');
  });

  it('works out where the placement is from the postcodes and the council’s code', () => {
    const run = validate(['--postcodes', join(folder, 'postcodes.csv'), '--la', '886', '--json']);
    const rules = (JSON.parse(run.stdout) as { rule: string }[]).map((finding) => finding.rule);
    expect(rules).toContain('1015');
    expect(rules).not.toContain('169');
  });

  it('indexes the postcode directory on first use and reads the index after, finding the same', () => {
    const options = ['--postcodes', join(folder, 'postcodes.csv'), '--la', '886', '--json'];
    const elsewhere = { HEARTH_CACHE_DIR: join(folder, 'another-cache') };
    const first = validate(options, undefined, elsewhere);
    expect(first.stderr).toContain(`indexing ${join(folder, 'postcodes.csv')}`);
    const again = validate(options, undefined, elsewhere);
    expect(again.stderr).toBe('');
    expect(again.stdout).toBe(first.stdout);
    expect(again.stdout).toContain('"1015"');
  }, 60_000);

  it('refuses a provider list without a URN column, and a code that names no council', () => {
    const noUrn = validate([], 'Name,Postcode\nA home,ME4 4TR\n');
    expect(noUrn.status).toBe(2);
    expect(noUrn.stderr).toContain('providers.csv: it has no URN column');
    const badCouncil = validate(['--la', '999']);
    expect(badCouncil.status).not.toBe(0);
    expect(badCouncil.stderr).toContain('999 is not the GSS code');
    const district = validate(['--la', 'E07000107']);
    expect(district.stderr).toContain(
      "E07000107 is a district of Kent: give the council's code, E10000016 or 886.",
    );
  });
});
