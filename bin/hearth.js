#!/usr/bin/env node
// The installed `hearth` command. Hearth's sources are TypeScript run by Node's own type stripping
// (docs/decisions/0001-typescript-without-a-build-step.md), so this needs Node 22.18 or later; Node 24 in production.
import { enableCompileCache } from 'node:module';
import { setFlagsFromString } from 'node:v8';

const validating = process.argv[2] === 'validate';
// `hearth validate` is over in well under a second on a council's SSDA903 return. V8's top compiler
// (TurboFan) spends more time compiling the rules than it saves running them in so short a run
// (about a quarter of the command's processor time on 3,000 children looked after; no difference on
// the CIN census), so that command stops at V8's middle tier (Maglev). Set before anything is compiled.
if (validating) setFlagsFromString('--max-opt=2');
// Node keeps the type-stripped, compiled sources between runs (in the system's temporary folder), so a
// command starts in a fraction of the time after its first run.
enableCompileCache?.();
// `hearth validate` needs no database or server, so it starts from its own, lighter entry point.
await import(validating ? '../src/cli/validate-main.ts' : '../src/cli/main.ts');
