import { PROVINCE_CODE } from '../../../shared/domain/regions';
import { newId } from '../../store/ids';
import type { ProvinceSql } from '../store/provinceDb';
import type { FindingRow } from './crossReview';

interface FindingSubject {
  entity: string;
  entityId: string;
  businessNo: string;
}

type FlagStatus = FindingRow['status'];

/** The province's flag of a finding is told from a city's by its fingerprint. */
const flagFingerprint = (finding: Pick<FindingRow, 'fingerprint'>) => `province:${finding.fingerprint}`;

const INSERT_FLAG = `INSERT INTO anomaly_flags (id, rule_id, region_code, fingerprint, explanation, evidence, first_seen_at, last_seen_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const INSERT_SUBJECT = `INSERT INTO flag_subjects (flag_id, entity, entity_id, business_no) VALUES (?, ?, ?, ?)
  ON CONFLICT DO NOTHING`;

/** A finding across regions, as the province's review queue (跨地市审核) keeps it. */
type KeptFinding = Pick<FindingRow, 'fingerprint' | 'rule_id' | 'explanation' | 'evidence' | 'subjects' | 'found_at'>;

const flagValues = (id: string, finding: KeptFinding, at: string) => [
  id,
  finding.rule_id,
  PROVINCE_CODE,
  flagFingerprint(finding),
  finding.explanation,
  finding.evidence,
  finding.found_at,
  at,
  at,
];
const subjectsOf = (finding: KeptFinding) => JSON.parse(finding.subjects) as FindingSubject[];

/**
 * A new cross-city finding, kept as the province's flag under review (待审核) in the batch's transaction, on either
 * backend; a finding kept before is left as it is (its decision, if any, stands).
 */
export async function keepFindingForReview(tx: ProvinceSql, finding: KeptFinding, at: string): Promise<void> {
  const id = newId();
  const kept = await tx.run(`${INSERT_FLAG} ON CONFLICT (fingerprint) DO NOTHING`, flagValues(id, finding, at));
  if (kept === 0) return;
  for (const s of subjectsOf(finding)) await tx.run(INSERT_SUBJECT, [id, s.entity, s.entityId, s.businessNo]);
}

/**
 * A cross-city finding, kept also as an anomaly flag of the province's own store, with its status: the indicators and
 * the 定期通报 read anomalies from anomaly_flags (as a city's do), so the finding's deals count as under review while
 * it waits, leave the province's figures once it is confirmed, and come back when it is excluded (排除). The cities
 * keep their own copies of the finding and their own decisions; this row is the province's.
 */
export async function keepFindingAsFlag(
  tx: ProvinceSql,
  finding: KeptFinding,
  status: FlagStatus,
  at: string,
): Promise<void> {
  await keepFindingForReview(tx, finding, at);
  // The status changes after the subjects are in, so the indicator triggers see which deals it concerns.
  await tx.run('UPDATE anomaly_flags SET status = ?, last_seen_at = ?, updated_at = ? WHERE fingerprint = ?', [
    status,
    at,
    at,
    flagFingerprint(finding),
  ]);
}
