/**
 * `hearth validate` may run from a bundle of its sources (docs/decisions/0007-a-bundle-for-hearth-validate.md).
 * `npm ci` writes it (scripts/bundle-validate.ts) with a manifest of the files it was built from; bin/hearth.js
 * runs it only while every one of those files is as it was, and otherwise runs the sources, so an edited rule
 * is never checked by a stale bundle. This module is read on every `hearth validate`: it needs only Node's fs
 * and path.
 */
// Node's modules are taken with process.getBuiltinModule, not imported, on the path of `hearth validate`: an
// `import … from 'node:fs'` makes Node build an ES module of fs, which reads every export and so loads Node's
// streams, fs/promises and readline, 5 ms of the command's start (docs/performance.md).
const { readFileSync, statSync } = process.getBuiltinModule('node:fs');
const { join } = process.getBuiltinModule('node:path');

/** Where `npm ci` writes the bundle, under the project's folder: a cache, gone with node_modules. */
export const validateBundlePath = join('node_modules', '.cache', 'hearth', 'validate');

/** A file the bundle was built from, as it was then. */
export interface BundleSource {
  /** Relative to the project's folder. */
  readonly path: string;
  readonly size: number;
  readonly modified: number;
}

export interface BundleManifest {
  /** The bundle's entry point, in its folder. */
  readonly entry: string;
  readonly sources: readonly BundleSource[];
}

export const manifestName = 'manifest.json';

/** A file's size and time of last change now, or null when it is gone. */
export function stampOf(root: string, path: string): BundleSource | null {
  const stats = statSync(join(root, path), { throwIfNoEntry: false });
  return stats ? { path, size: stats.size, modified: stats.mtimeMs } : null;
}

/**
 * The bundle's entry point when the bundle in `folder` is there and every file it was built from has its
 * size and time of last change still; null otherwise (no bundle, or one made from other sources).
 */
export function freshBundleEntry(root: string, folder = join(root, validateBundlePath)): string | null {
  let manifest: BundleManifest;
  try {
    manifest = JSON.parse(readFileSync(join(folder, manifestName), 'utf8')) as BundleManifest;
  } catch {
    return null;
  }
  if (typeof manifest.entry !== 'string' || !Array.isArray(manifest.sources) || manifest.sources.length === 0)
    return null;
  for (const source of manifest.sources) {
    const now = stampOf(root, source.path);
    if (now === null || now.size !== source.size || now.modified !== source.modified) return null;
  }
  return join(folder, manifest.entry);
}
