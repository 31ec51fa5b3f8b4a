#!/usr/bin/env node
// The installed `hearth` command. Hearth's sources are TypeScript run by Node's own type stripping
// (docs/decisions/0001-typescript-without-a-build-step.md), so this needs Node 22.18 or later; Node 24 in production.
import { enableCompileCache } from 'node:module';

// Node keeps the type-stripped, compiled sources between runs (in the system's temporary folder), so a
// command starts in a fraction of the time after its first run.
enableCompileCache?.();
// `hearth validate` needs no database or server, so it starts from its own, lighter entry point.
await import(process.argv[2] === 'validate' ? '../src/cli/validate-main.ts' : '../src/cli/main.ts');
