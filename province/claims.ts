import { fieldLabel } from '../core/sync/recordLabels';
import { PROVINCE_CODE } from '../shared/domain/regions';
import type { SyncEntityName } from '../shared/sync/records';
import type { ProvinceSql } from '../core/province/store/provinceDb';
import { publishFeedback } from '../core/province/feedback';
import { regionText } from '../shared/domain/regions';
import type { Sender } from './ownership';

type Row = Record<string, unknown>;

/** The province's own flag for a shared record two regions describe differently (not one of the cities' rules R01–R12). */
export const CLAIM_RULE_ID = 'CLAIM';

/** Columns the desk fills itself: two regions' copies differ in these without describing the record differently. */
const BOOKKEEPING = new Set(['id', 'number', 'version', 'created_at', 'updated_at', 'name_norm']);

const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

/**
 * Another region's description of a shared record (patent, organization) is kept beside the original, never written
 * over it: when it differs, it is stored as that region's claim (the latest per region) and raised as a province flag
 * (province_feedback for the province's own region, as the cross-city findings are for the cities').
 */
export function createClaims(db: ProvinceSql, at: string) {
  const keep = (entity: string, id: string, sender: Sender, version: number, row: Row, differing: string[]) =>
    db.run(
      `INSERT INTO province_claims (entity, record_id, region_code, key_fingerprint, version, payload, differing, claimed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (entity, record_id, region_code) DO UPDATE SET key_fingerprint = excluded.key_fingerprint, version = excluded.version,
         payload = excluded.payload, differing = excluded.differing, claimed_at = excluded.claimed_at`,
      [entity, id, sender.region, sender.keyFingerprint, version, JSON.stringify(row), JSON.stringify(differing), at],
    );
  const drop = (entity: string, id: string, region: string) =>
    db.run('DELETE FROM province_claims WHERE entity = ? AND record_id = ? AND region_code = ?', [entity, id, region]);
  const review = (fingerprint: string, explanation: string, evidence: string) =>
    db.run(
      `INSERT INTO province_findings (fingerprint, rule_id, explanation, evidence, found_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (fingerprint) DO UPDATE SET explanation = excluded.explanation, evidence = excluded.evidence, found_at = excluded.found_at,
         status = '待审核', reason = NULL, decided_by = NULL, decided_at = NULL
       WHERE province_findings.evidence <> excluded.evidence`,
      [fingerprint, CLAIM_RULE_ID, explanation, evidence, at],
    );

  /** Files the sender's description of a record another region owns. 'accepted' when it differs (a claim is kept). */
  return async function claim(
    entity: SyncEntityName,
    id: string,
    subject: string,
    row: Row,
    held: Row,
    ownerRegion: string,
    sender: Sender,
    version: number,
  ): Promise<'accepted' | 'duplicate'> {
    const differing = Object.keys(held).filter((c) => !BOOKKEEPING.has(c) && c in row && !same(row[c], held[c]));
    if (differing.length === 0) {
      await drop(entity, id, sender.region);
      return 'duplicate';
    }
    await keep(entity, id, sender, version, row, differing);
    const owner = regionText(ownerRegion);
    const claimant = regionText(sender.region);
    const labels = [...new Set(differing.map((c) => fieldLabel(entity, c) ?? '其他登记信息'))];
    const explanation =
      `${subject} 的${labels.join('、')}，${claimant}报送的与最先报送的${owner}不同。省级保留${owner}的内容，${claimant}的说法另存备查；` +
      '请核实哪一方有误，并通知该地区更正后重新同步。';
    const evidence = {
      entity,
      record: id,
      owner: { region: ownerRegion, name: owner },
      claimant: { region: sender.region, name: claimant, version },
      differences: Object.fromEntries(differing.map((c) => [c, { held: held[c] ?? null, claimed: row[c] ?? null }])),
    };
    const fingerprint = `${CLAIM_RULE_ID}|${entity}:${id}|${sender.region}`;
    // A changed claim is published again with a new cursor, so a reader already past the old flag sees it.
    await publishFeedback(db, { region: PROVINCE_CODE, ruleId: CLAIM_RULE_ID, fingerprint, explanation, evidence }, at);
    // The claim goes to the province's review queue; a changed claim is open again, whatever was decided before.
    await review(fingerprint, explanation, JSON.stringify(evidence));
    return 'accepted';
  };
}
