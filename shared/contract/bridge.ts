import type { MethodInput, MethodName, MethodOutput } from './index';
import type { Result } from './result';

/** What the preload exposes as `window.desk`: one named method per contract method. */
export type DeskBridge = { [K in MethodName]: (input: MethodInput<K>) => Promise<Result<MethodOutput<K>>> };
