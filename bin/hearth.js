#!/usr/bin/env node
// The installed `hearth` command. Hearth's sources are TypeScript run by Node's own type stripping
// (docs/decisions/0001-typescript-without-a-build-step.md), so this needs Node 22.18 or later; Node 24 in production.
await import('../src/cli/main.ts');
