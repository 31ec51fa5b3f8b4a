/**
 * Bundles `hearth validate` (src/cli/validate-main.ts and all it loads) into node_modules/.cache, with a
 * manifest of its sources, so that bin/hearth.js can run it while those sources are unchanged
 * (docs/decisions/0007-a-bundle-for-hearth-validate.md). Run by `npm ci` and `npm install` (the `prepare`
 * script); `hearth validate` runs its sources when there is no bundle, so a failure here is only a warning.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  manifestName,
  stampOf,
  validateBundlePath,
  type BundleManifest,
  type BundleSource,
} from '../src/cli/validate-bundle.ts';

const projectRoot = join(import.meta.dirname, '..');

/**
 * Commander loads Node's child_process when it loads, for commands that run other programs, which `hearth
 * validate` never does; child_process brings Node's networking with it (4 ms of the command's start). In the
 * bundle commander loads it on first use instead. If commander changes that line, this changes nothing.
 */
const commanderSpawnsLazily = {
  name: 'commander-spawns-lazily',
  transform(code: string, id: string) {
    if (!/[\\/]commander[\\/]lib[\\/]command\.js$/.test(id)) return null;
    return code.replace(
      "const childProcess = require('node:child_process');",
      "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };",
    );
  },
};

/** Writes the bundle and its manifest into `folder` (emptied first), and returns the manifest. */
export async function bundleValidateCommand(
  root = projectRoot,
  folder = join(root, validateBundlePath),
): Promise<BundleManifest> {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  // Imported here, not above: an install without devDependencies has no rolldown, and then this only warns.
  const { rolldown } = await import('rolldown');
  const bundle = await rolldown({
    input: join(root, 'src', 'cli', 'validate-main.ts'),
    platform: 'node',
    cwd: root,
    plugins: [commanderSpawnsLazily],
  });
  try {
    // Each return's rules stay in a chunk of their own, loaded only when that return is validated.
    // .mjs: files under node_modules belong to no package, and Node would read a .js file there as CommonJS
    // before finding it is an ES module.
    const { output } = await bundle.write({
      dir: folder,
      format: 'esm',
      entryFileNames: '[name].mjs',
      chunkFileNames: '[name]-[hash].mjs',
    });
    const files = new Set<string>();
    for (const chunk of output) {
      if (chunk.type !== 'chunk') continue;
      for (const id of chunk.moduleIds) if (isAbsolute(id) && existsSync(id)) files.add(relative(root, id));
    }
    const sources = [...files].sort().map((path) => stampOf(root, path) as BundleSource);
    const manifest: BundleManifest = { entry: 'validate-main.mjs', sources };
    // The manifest is written last: a bundle half written has none, and is not run.
    writeFileSync(join(folder, manifestName), `${JSON.stringify(manifest, null, 1)}\n`);
    return manifest;
  } finally {
    await bundle.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const manifest = await bundleValidateCommand();
    console.log(`hearth validate bundled from ${manifest.sources.length} files into ${validateBundlePath}`);
  } catch (error) {
    rmSync(join(projectRoot, validateBundlePath), { recursive: true, force: true });
    console.warn(`hearth validate will run from its sources: it could not be bundled (${String(error)})`);
  }
}
