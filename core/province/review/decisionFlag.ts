import { PROVINCE_CODE } from '../../../shared/domain/regions';
import type { Writer } from '../../service/context';
import { newId } from '../../store/ids';
import type { FindingRow } from './crossReview';

interface FindingSubject {
  entity: string;
  entityId: string;
  businessNo: string;
}

/**
 * The province's decision on a cross-city finding, kept as an anomaly flag in its own store: the indicators and the
 * 定期通报 read confirmed anomalies from anomaly_flags (as a city's do), so a deal the province confirms leaves the
 * province's figures and counts, per region of its deals, among the anomalies confirmed; 排除 puts it back. The city
 * keeps its own copy of the finding and its own decision; this row is the province's.
 */
export function keepDecisionAsFlag(w: Writer, row: FindingRow, decision: '确认异常' | '排除'): void {
  const fingerprint = `province:${row.fingerprint}`;
  let id = w.db.prepare('SELECT id FROM anomaly_flags WHERE fingerprint = ?').pluck().get(fingerprint) as string | undefined;
  if (!id) {
    id = newId();
    w.db
      .prepare(
        `INSERT INTO anomaly_flags (id, rule_id, region_code, fingerprint, explanation, evidence, first_seen_at, last_seen_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, row.rule_id, PROVINCE_CODE, fingerprint, row.explanation, row.evidence, row.found_at, w.at, w.at);
    const subject = w.db.prepare('INSERT OR IGNORE INTO flag_subjects (flag_id, entity, entity_id, business_no) VALUES (?, ?, ?, ?)');
    for (const s of JSON.parse(row.subjects) as FindingSubject[]) subject.run(id, s.entity, s.entityId, s.businessNo);
  }
  // The status changes after the subjects are in, so the indicator triggers see which deals it concerns.
  w.db.prepare('UPDATE anomaly_flags SET status = ?, last_seen_at = ?, updated_at = ? WHERE id = ?').run(decision, w.at, w.at, id);
}
