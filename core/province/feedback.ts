import type Database from 'better-sqlite3';

export interface FeedbackOut {
  region: string;
  ruleId: string;
  fingerprint: string;
  explanation: string;
  evidence: Record<string, unknown>;
  subjects?: readonly unknown[];
}

/**
 * Puts an item in a region's feedback (GET /v1/feedback). REPLACE gives an item already there a new cursor, so a
 * city already past it reads it again: a changed target, a decision on a finding it holds.
 */
export function publishFeedback(db: Database.Database, item: FeedbackOut, at: string): void {
  db.prepare(
    `INSERT OR REPLACE INTO province_feedback (region_code, rule_id, fingerprint, explanation, evidence, subjects, published_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    item.region,
    item.ruleId,
    item.fingerprint,
    item.explanation,
    JSON.stringify(item.evidence),
    JSON.stringify(item.subjects ?? []),
    at,
  );
}
