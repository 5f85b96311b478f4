import type { filingsMethods } from '../../shared/contract/index';
import type { HandlersOf } from '../service/context';
import { recordHandlers } from './recordHandlers';
import { supportHandlers } from './supportHandlers';

export const filingsHandlers = { ...recordHandlers, ...supportHandlers } satisfies HandlersOf<typeof filingsMethods>;
