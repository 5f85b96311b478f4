import type { ReadHandle } from '../store/store';

export interface Installation {
  id: string;
  regionCode: string;
  createdAt: string;
}

export function readInstallation(db: ReadHandle): Installation | null {
  const row = db
    .prepare('SELECT id, region_code AS regionCode, created_at AS createdAt FROM installation LIMIT 1')
    .get();
  return (row as Installation | undefined) ?? null;
}
