#!/usr/bin/env node
// The `engage` command (package.json "bin"). The CLI is TypeScript (src/cli/main.ts); tsx's loader runs it
// directly, so `npx engage` works in a clone right after `npm install`, without a build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
