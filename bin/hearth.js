#!/usr/bin/env node
// The installed `hearth` command. Hearth's sources are TypeScript run by Node's own type stripping
// (docs/decisions/0001-typescript-without-a-build-step.md), so this needs Node 22.18 or later; Node 24 in production.
// `hearth validate` needs no database or server, so it starts from its own, lighter entry point.
await import(process.argv[2] === 'validate' ? '../src/cli/validate-main.ts' : '../src/cli/main.ts');
