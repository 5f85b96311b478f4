// The contract's method names, all the preload needs of it. When bundling, scripts/build-electron.mjs replaces this
// module with the literal list (derived from the same contract at build time), so the preload carries the names and
// not zod and every schema; tests and the typecheck read the contract itself.
import { methodNames as contractMethodNames, type MethodName } from '../shared/contract/index';

export const methodNames: readonly MethodName[] = contractMethodNames;
