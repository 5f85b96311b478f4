import type { MethodName } from '../../../shared/contract/index';
import { call } from '../../transport/desk';
import type { KindKey, ListRow } from './kinds';

export interface ListPage {
  rows: ListRow[];
  nextCursor: string | null;
  /** Every matching row, on the first page. */
  total: number | null;
}

/** The five kinds share the shape of their list, get and void methods; this calls one by kind. */
export function callKind<T>(kind: KindKey, verb: 'list' | 'get' | 'void' | 'restore' | 'create' | 'update', input: unknown): Promise<T> {
  return (call as (method: MethodName, input: unknown) => Promise<unknown>)(`${kind}.${verb}` as MethodName, input) as Promise<T>;
}
