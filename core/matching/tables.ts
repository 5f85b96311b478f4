import type { TableSpec } from '../filings/recordWriter';

const record = { key: 'id', hasCreatedAt: true, hasCreatedBy: true, hasUpdatedBy: false } as const;

export const SUPPLY = { ...record, table: 'supply_patents', entity: 'supply_patent' } as const satisfies TableSpec;
export const NEEDS = { ...record, table: 'tech_needs', entity: 'tech_need' } as const satisfies TableSpec;
export const MATCHMAKINGS = { ...record, table: 'matchmakings', entity: 'matchmaking' } as const satisfies TableSpec;
