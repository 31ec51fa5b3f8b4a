import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCin } from '../bench/returns/cin.ts';
import { generateSsda903 } from '../bench/returns/ssda903.ts';
import { freshBundleEntry, manifestName, type BundleManifest } from '../src/cli/validate-bundle.ts';
import { bundleValidateCommand } from './bundle-validate.ts';

const root = join(import.meta.dirname, '..');
const folder = mkdtempSync(join(tmpdir(), 'hearth-bundle-'));
const bundleFolder = join(folder, 'bundle');
const manifest = await bundleValidateCommand(root, bundleFolder);

const ssda903Folder = join(folder, 'ssda903');
mkdirSync(ssda903Folder);
for (const [name, content] of generateSsda903(120, 7)) writeFileSync(join(ssda903Folder, name), content);
const cinFile = join(folder, 'cin.xml');
writeFileSync(cinFile, generateCin(200, 7));

function run(entry: string, args: readonly string[]) {
  const { status, stdout, stderr } = spawnSync(process.execPath, [entry, 'validate', ...args], {
    env: { PATH: process.env.PATH },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    timeout: 30_000,
  });
  return { status, stdout, stderr };
}

/** Writes a copy of the manifest, changed, beside the bundle, and asks whether that bundle is fresh. */
function freshWith(change: (sources: BundleManifest['sources']) => BundleManifest['sources']) {
  const copy = join(folder, `changed-${Math.random().toString(36).slice(2)}`);
  mkdirSync(copy);
  writeFileSync(join(copy, manifestName), JSON.stringify({ ...manifest, sources: change(manifest.sources) }));
  return freshBundleEntry(root, copy);
}

describe('hearth validate from its bundle', () => {
  it('is built from the command, the rules of both returns and the libraries they use', () => {
    const paths = manifest.sources.map((source) => source.path);
    expect(paths).toContain('src/cli/validate-main.ts');
    expect(paths).toContain('src/domain/returns/ssda903/rules/episode-codes.ts');
    expect(paths).toContain('src/domain/returns/cin/validate.ts');
    expect(paths.some((path) => path.startsWith('node_modules/commander/'))).toBe(true);
    expect(paths.some((path) => path.includes('/db/') || path.includes('/platform/'))).toBe(false);
  });

  it('finds exactly what the sources find, on both returns, with the same exit code', () => {
    const entry = freshBundleEntry(root, bundleFolder);
    expect(entry).toBe(join(bundleFolder, 'validate-main.mjs'));
    const sources = join(root, 'src', 'cli', 'validate-main.ts');
    for (const args of [
      ['ssda903', ssda903Folder, '--json'],
      ['ssda903', ssda903Folder, '--la', '886'],
      ['cin', cinFile, '--json'],
      ['ssda903', join(folder, 'nowhere')],
    ]) {
      const fromBundle = run(entry!, args);
      const fromSources = run(sources, args);
      expect(fromBundle.status, args.join(' ')).toBe(fromSources.status);
      expect(fromBundle.stdout, args.join(' ')).toBe(fromSources.stdout);
      expect(fromBundle.stderr, args.join(' ')).toBe(fromSources.stderr);
    }
    expect(
      (JSON.parse(run(entry!, ['ssda903', ssda903Folder, '--json']).stdout) as unknown[]).length,
    ).toBeGreaterThan(0);
  });

  it('is not run once a file it was built from has changed, gone, or the manifest is unreadable', () => {
    expect(freshWith((sources) => sources)).not.toBeNull();
    const rule = (path: string) => path === 'src/domain/returns/ssda903/rules/episode-codes.ts';
    expect(
      freshWith((sources) => sources.map((s) => (rule(s.path) ? { ...s, modified: s.modified - 1 } : s))),
    ).toBeNull();
    expect(
      freshWith((sources) => sources.map((s) => (rule(s.path) ? { ...s, size: s.size + 1 } : s))),
    ).toBeNull();
    expect(freshWith((sources) => [...sources, { path: 'src/gone.ts', size: 1, modified: 1 }])).toBeNull();
    expect(freshWith(() => [])).toBeNull();
    const broken = join(folder, 'broken');
    mkdirSync(broken);
    writeFileSync(
      join(broken, manifestName),
      readFileSync(join(bundleFolder, manifestName), 'utf8').slice(0, 50),
    );
    expect(freshBundleEntry(root, broken)).toBeNull();
    expect(freshBundleEntry(root, join(folder, 'no-bundle-here'))).toBeNull();
  });
});
