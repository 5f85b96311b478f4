import { sql as initial } from './001_initial';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Ordered, bundled, numbered. A migration is never edited once released: add the next one. */
export const migrations: readonly Migration[] = [{ version: 1, name: 'initial', sql: initial }];

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;
