import { SYNC_ENTITIES, type SyncEntityName } from '../../shared/sync/records';
import type { ReadHandle } from '../store/store';
import { fieldLabel, numberColumn } from './recordLabels';

type Row = Record<string, unknown>;

/** A record as a caseworker names it: its kind and business number, and which detail page shows it. */
export interface RecordSubject {
  /** 交易, 质押, … */
  kind: string;
  /** e.g. "合同编号 HT-2023-001"; null when the record carries no number the desk knows. */
  number: string | null;
  /** The record whose detail page shows this one (a payment shows on its deal's page); null when there is none. */
  opens: { entity: SyncEntityName; id: string } | null;
}

/** Reads the records a subject names through: the deal of a payment, the enterprise of yearly figures. */
export interface SubjectLookups {
  contractNo(dealId: string): string | null;
  organization(id: string): { name: string; uscc: string | null } | null;
}

/** Lookups in a store with the desk's schema; `resolveOrganization` maps an id the store keeps under another one. */
export function storeLookups(db: ReadHandle, resolveOrganization: (id: string) => string = (id) => id): SubjectLookups {
  const contractNo = db.prepare('SELECT contract_no FROM deals WHERE id = ?').pluck();
  const organization = db.prepare('SELECT name, uscc FROM organizations WHERE id = ?');
  return {
    contractNo: (id) => (contractNo.get(id) as string | undefined) ?? null,
    organization: (id) =>
      (organization.get(resolveOrganization(id)) as { name: string; uscc: string | null } | undefined) ?? null,
  };
}

const filled = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : value === undefined || value === null
      ? null
      : String(value);

function organizationNumber(entity: SyncEntityName, org: { name: string; uscc: string | null }): string {
  if (!org.uscc) return org.name;
  const usccText = `${numberColumn(entity).label} ${org.uscc}`;
  return org.name ? `${usccText}（${org.name}）` : usccText;
}

/** Names a record by what a caseworker knows it by; `row` has the record's columns (a batch payload or a stored row). */
export function describeRecord(entity: SyncEntityName, id: string, row: Row, lookups: SubjectLookups): RecordSubject {
  const kind = SYNC_ENTITIES[entity].label;
  const own = (column: string) => {
    const value = filled(row[column]);
    return value === null ? null : `${fieldLabel(entity, column)} ${value}`;
  };
  switch (entity) {
    case 'deal':
    case 'pledge':
    case 'registration':
    case 'subsidy':
      return { kind, number: own(numberColumn(entity).column), opens: { entity, id } };
    // The pool's records show on the 供需对接 page, not on a filing's detail page.
    case 'supply_patent':
    case 'tech_need':
    case 'matchmaking':
      return { kind, number: own(numberColumn(entity).column), opens: null };
    case 'payment': {
      const dealId = filled(row.deal_id);
      const contractNo = dealId ? lookups.contractNo(dealId) : null;
      const paid = own('paid_date');
      const number = contractNo
        ? [`${numberColumn(entity).label} ${contractNo}`, paid].filter(Boolean).join(' ')
        : paid;
      return { kind, number, opens: dealId ? { entity: 'deal', id: dealId } : null };
    }
    case 'enterprise_figure': {
      const orgId = filled(row.organization_id);
      const org = orgId ? lookups.organization(orgId) : null;
      const number = [org ? organizationNumber(entity, org) : null, own('year')].filter(Boolean).join(' ');
      return { kind, number: number || null, opens: { entity, id } };
    }
    case 'organization': {
      const name = filled(row.name);
      const uscc = filled(row.uscc);
      return {
        kind,
        number: uscc || name ? organizationNumber(entity, { name: name ?? '', uscc }) : null,
        opens: null,
      };
    }
    case 'patent':
      // A patent's key is its number.
      return { kind, number: `${numberColumn(entity).label} ${id}`, opens: null };
  }
}

/** "交易 合同编号 HT-2023-001", or the kind alone when the number is unknown. */
export function subjectText(subject: RecordSubject): string {
  return subject.number ? `${subject.kind} ${subject.number}` : subject.kind;
}
