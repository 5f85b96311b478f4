import type { ParsedParty, PartyView } from '../../shared/contract/filings/parties';
import type { WriteOutcome } from '../../shared/contract/filings/records';
import { classifyEnterprise, type Sector } from '../../shared/domain/enterprise';
import { FEN_PER_WAN } from '../../shared/domain/money';
import { rollupRegion } from '../../shared/domain/regions';
import { normalizeCell, normalizeOrgName } from '../../shared/domain/text';
import { checkUscc } from '../../shared/domain/uscc';
import type { Writer } from '../service/context';
import type { ReadHandle } from '../store/store';
import { refuse } from './checks';
import { type Row, writeRecord } from './recordWriter';
import { ORGANIZATIONS } from './tables';
import { newId } from '../store/ids';
import { statement } from '../store/statements';

export interface OrganizationRow {
  id: string;
  name: string;
  name_norm: string;
  uscc: string | null;
  kind: PartyView['kind'];
  region_code: string | null;
  city_code: string | null;
  size: PartyView['size'];
  sector: string | null;
  legal_rep: string | null;
  phone: string | null;
  address: string | null;
  version: number;
}

export function toPartyView(o: OrganizationRow): PartyView {
  return {
    id: o.id,
    name: o.name,
    uscc: o.uscc,
    kind: o.kind,
    regionCode: o.region_code,
    cityCode: o.city_code,
    size: o.size,
    sector: o.sector,
    legalRep: o.legal_rep,
    phone: o.phone,
    address: o.address,
    version: o.version,
  };
}

export function readOrganization(db: ReadHandle, id: string): OrganizationRow | undefined {
  return statement(db, 'SELECT * FROM organizations WHERE id = ?').get(id) as OrganizationRow | undefined;
}

/** The size the enterprise's latest yearly figures give, when they are complete enough to classify. */
export function sizeFromFigures(db: ReadHandle, organizationId: string): PartyView['size'] {
  const latest = statement(
    db,
    `SELECT revenue_fen, employees, coalesce(f.sector, o.sector) AS sector FROM enterprise_figures f
       JOIN organizations o ON o.id = f.organization_id
       WHERE f.organization_id = ? AND f.voided_at IS NULL AND f.employees IS NOT NULL ORDER BY f.year DESC LIMIT 1`,
  ).get(organizationId) as { revenue_fen: number | null; employees: number; sector: Sector | null } | undefined;
  if (!latest?.sector) return null;
  const revenueWan = latest.revenue_fen === null ? null : latest.revenue_fen / FEN_PER_WAN;
  return classifyEnterprise({ sector: latest.sector, employees: latest.employees, revenueWan }).size;
}

function findExisting(
  w: Writer,
  party: ParsedParty,
  uscc: string | null,
  nameNorm: string,
  field: string,
): OrganizationRow | undefined {
  if (party.id) {
    const byId = readOrganization(w.db, party.id);
    if (!byId) throw refuse(`${field}.id`, '所选单位不存在，请重新选择');
    return byId;
  }
  if (uscc) {
    const byUscc = statement(w.db, 'SELECT * FROM organizations WHERE uscc = ?').get(uscc) as
      OrganizationRow | undefined;
    if (byUscc) return byUscc;
  }
  const byName = statement(
    w.db,
    'SELECT * FROM organizations WHERE name_norm = ? AND voided_at IS NULL ORDER BY uscc IS NULL, created_at LIMIT 1',
  ).get(nameNorm) as OrganizationRow | undefined;
  // A USCC is the legal identity: the same name under another USCC is another party. Such look-alike pairs are
  // what rule R03 (related parties) looks for, so they are recorded, not refused.
  if (byName && uscc && byName.uscc && byName.uscc !== uscc) return undefined;
  return byName;
}

/**
 * Finds the party by id, USCC, or normalized name — never creating a second row for the same party — and fills in
 * what the input adds or changes (a change is a new version in the outbox). Empty input fields keep what is stored.
 * `field` is the input path of the party (e.g. 'assignee'), for messages at the field.
 */
export function resolveParty(w: Writer, party: ParsedParty, field = 'party'): WriteOutcome {
  const name = normalizeCell(party.name);
  const nameNorm = normalizeOrgName(name);
  const usccInput = party.uscc ? checkUscc(party.uscc) : null;
  if (usccInput && !usccInput.ok) throw refuse(`${field}.uscc`, usccInput.message);
  const uscc = usccInput?.ok ? usccInput.normalized : null;
  const existing = findExisting(w, party, uscc, nameNorm, field);

  const given = (value: string | null | undefined) =>
    value === undefined || value === null || value === '' ? undefined : value;
  const regionCode = given(party.regionCode);
  const wanted: Row = {
    // A spelling that differs only in width, spaces or case keeps the stored one; a new name (same USCC) renames.
    name: existing && existing.name_norm === nameNorm ? existing.name : name,
    name_norm: nameNorm,
    uscc: uscc ?? existing?.uscc ?? null,
    kind: party.kind,
    region_code: regionCode ?? existing?.region_code ?? null,
    city_code: regionCode ? rollupRegion(regionCode) : (existing?.city_code ?? null),
    size: given(party.size) ?? existing?.size ?? (existing ? sizeFromFigures(w.db, existing.id) : null),
    sector: given(party.sector) ?? existing?.sector ?? null,
    legal_rep: given(party.legalRep) ?? existing?.legal_rep ?? null,
    phone: given(party.phone) ?? existing?.phone ?? null,
    address: given(party.address) ?? existing?.address ?? null,
  };
  if (party.kind === '个人') wanted.uscc = null;
  const outcome = writeRecord(w, ORGANIZATIONS, {
    id: existing?.id ?? newId(),
    values: wanted,
    existing: existing as Row | undefined,
  });
  recordConfirmedUsccWarning(w, usccInput, wanted.uscc !== (existing?.uscc ?? null), outcome.id);
  return outcome;
}

/**
 * A code that fails only its embedded organization-code check is saved once the user confirmed it (仍然保存, or an
 * import file): the audit says who accepted which warning, the first time the code is stored on the party.
 */
function recordConfirmedUsccWarning(
  w: Writer,
  checked: ReturnType<typeof checkUscc> | null,
  usccStored: boolean,
  organizationId: string,
): void {
  if (!checked?.ok || !checked.warning || !usccStored) return;
  w.record({
    action: 'organization.confirmUsccWarning',
    entity: 'organization',
    entityId: organizationId,
    detail: { uscc: checked.normalized, warning: checked.warning.message },
  });
}
