#!/usr/bin/env node
// The `marginalia` command: runs the TypeScript CLI through tsx, so it works right after `npm install`, before any build.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
