#!/usr/bin/env node
// The `patent-desk` command. Runs the TypeScript sources through tsx, so the CLI needs no separate build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
await main(process.argv);
