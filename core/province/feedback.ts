import type { ProvinceSql } from './store/provinceDb';

export interface FeedbackOut {
  region: string;
  ruleId: string;
  fingerprint: string;
  explanation: string;
  evidence: Record<string, unknown>;
  subjects?: readonly unknown[];
}

/**
 * Puts an item in a region's feedback (GET /v1/feedback), on either backend. An item already there is deleted and
 * inserted again, so it gets a new cursor (both stores never reuse one) and a city already past it reads it again: a
 * changed target, a decision on a finding it holds.
 */
export async function publishFeedback(db: ProvinceSql, item: FeedbackOut, at: string): Promise<void> {
  await db.run('DELETE FROM province_feedback WHERE region_code = ? AND fingerprint = ?', [
    item.region,
    item.fingerprint,
  ]);
  await db.run(
    `INSERT INTO province_feedback (region_code, rule_id, fingerprint, explanation, evidence, subjects, published_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [
      item.region,
      item.ruleId,
      item.fingerprint,
      item.explanation,
      JSON.stringify(item.evidence),
      JSON.stringify(item.subjects ?? []),
      at,
    ],
  );
}
