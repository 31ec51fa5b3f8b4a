#!/usr/bin/env node
// The installed `hearth` command. Hearth's sources are TypeScript run by Node's own type stripping
// (docs/decisions/0001-typescript-without-a-build-step.md), so this needs Node 22.18 or later; Node 24 in production.
import { enableCompileCache } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';

const validating = process.argv[2] === 'validate';
if (validating) {
  // `hearth validate` is over in well under a second on a council's SSDA903 return. V8's top compiler
  // (TurboFan) spends more time compiling the rules than it saves running them in so short a run, so that
  // command stops at V8's middle tier (Maglev); no difference on the CIN census. Set before anything is
  // compiled. (`--max-opt=2`, which said the same, is ignored when set here, after V8 has started.)
  setFlagsFromString('--no-turbofan');
  // Nor does it let V8's young generation grow from its first megabyte. Reading a return keeps nearly all it
  // reads, so V8 would grow the young generation to 32 MB, and on these machines touching that fresh memory
  // (page faults) cost more than the extra collections of a small one: 0.78 of the time on 3,000 children
  // looked after, 0.86 on the 30,000-child CIN census, with two thirds of the memory.
  setFlagsFromString('--semi-space-growth-factor=1');
}
// Node keeps the type-stripped, compiled sources between runs (in the system's temporary folder), so a
// command starts in a fraction of the time after its first run.
enableCompileCache?.();
// `hearth validate` needs no database or server, so it starts from its own, lighter entry point: from the
// bundle `npm ci` made of it while its sources are unchanged (about 6% faster, see
// docs/decisions/0007-a-bundle-for-hearth-validate.md), else from the sources.
if (validating) {
  const { freshBundleEntry } = await import('../src/cli/validate-bundle.ts');
  const bundle = freshBundleEntry(fileURLToPath(new URL('..', import.meta.url)));
  await import(bundle ? pathToFileURL(bundle).href : '../src/cli/validate-main.ts');
} else {
  await import('../src/cli/main.ts');
}
