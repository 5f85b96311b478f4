import type Database from 'better-sqlite3';
import { PROVINCE_CODE } from '../../../shared/domain/regions';
import { newId } from '../../store/ids';
import { statement } from '../../store/statements';
import type { FindingRow } from './crossReview';

interface FindingSubject {
  entity: string;
  entityId: string;
  businessNo: string;
}

type FlagStatus = FindingRow['status'];

/**
 * A cross-city finding, kept also as an anomaly flag of the province's own store, with its status: the indicators and
 * the 定期通报 read anomalies from anomaly_flags (as a city's do), so the finding's deals count as under review while
 * it waits, leave the province's figures once it is confirmed, and come back when it is excluded (排除). The cities
 * keep their own copies of the finding and their own decisions; this row is the province's.
 */
export function keepFindingAsFlag(
  db: Database.Database,
  finding: Pick<FindingRow, 'fingerprint' | 'rule_id' | 'explanation' | 'evidence' | 'subjects' | 'found_at'>,
  status: FlagStatus,
  at: string,
): void {
  const fingerprint = `province:${finding.fingerprint}`;
  let id = statement(db, 'SELECT id FROM anomaly_flags WHERE fingerprint = ?', 'pluck').get(fingerprint) as
    string | undefined;
  if (!id) {
    id = newId();
    statement(
      db,
      `INSERT INTO anomaly_flags (id, rule_id, region_code, fingerprint, explanation, evidence, first_seen_at, last_seen_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      finding.rule_id,
      PROVINCE_CODE,
      fingerprint,
      finding.explanation,
      finding.evidence,
      finding.found_at,
      at,
      at,
    );
    const subject = statement(
      db,
      'INSERT OR IGNORE INTO flag_subjects (flag_id, entity, entity_id, business_no) VALUES (?, ?, ?, ?)',
    );
    for (const s of JSON.parse(finding.subjects) as FindingSubject[])
      subject.run(id, s.entity, s.entityId, s.businessNo);
  }
  // The status changes after the subjects are in, so the indicator triggers see which deals it concerns.
  statement(db, 'UPDATE anomaly_flags SET status = ?, last_seen_at = ?, updated_at = ? WHERE id = ?').run(
    status,
    at,
    at,
    id,
  );
}
