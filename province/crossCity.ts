import type Database from 'better-sqlite3';
import { scanRules, type FlagCandidate } from '../core/rules/engine';
import type { FeedbackItem, FeedbackPage } from '../shared/sync/batch';

/** The rules that need every region's records at once (DESIGN §4): repeat transfer, round trip, duplicate entry. */
export const CROSS_CITY_RULES = ['R01', 'R02', 'R10'] as const;

const SUBJECT_TABLES = { deal: 'deals', pledge: 'pledges', subsidy: 'subsidies', registration: 'product_registrations' } as const;

/**
 * After a batch is taken in: runs the cross-city rules over the findings that involve the batch's deals and publishes
 * each finding to every region whose records it concerns (a repeat transfer across two cities reaches both).
 * A finding already published to a region is not published again. Returns how many items were published.
 */
export function publishCrossCityFindings(db: Database.Database, dealIds: readonly string[], asOf: string, at: string): number {
  if (dealIds.length === 0) return 0;
  const candidates = scanRules(db, { ruleIds: [...CROSS_CITY_RULES], asOf, dealIds });
  const publish = db.prepare(
    `INSERT INTO province_feedback (region_code, rule_id, fingerprint, explanation, evidence, subjects, published_at)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(region_code, fingerprint) DO NOTHING`,
  );
  const regionOf = Object.fromEntries(
    Object.entries(SUBJECT_TABLES).map(([entity, table]) => [entity, db.prepare(`SELECT region_code FROM ${table} WHERE id = ?`).pluck()]),
  );
  let published = 0;
  for (const c of candidates) {
    const subjects = c.subjects.map((s) => ({ ...s, regionCode: (regionOf[s.entity]!.get(s.entityId) as string | undefined) ?? null }));
    const regions = new Set(subjects.map((s) => s.regionCode).filter((r): r is string => r !== null));
    if (regions.size === 0) regions.add(c.regionCode);
    for (const region of regions) {
      published += publish.run(region, c.ruleId, c.fingerprint, c.explanation, JSON.stringify(c.evidence), JSON.stringify(subjects), at).changes;
    }
  }
  return published;
}

/** One page of a region's feedback after `since`. */
export function readFeedback(db: Pick<Database.Database, 'prepare'>, region: string, since: number, limit = 500): FeedbackPage {
  const rows = db
    .prepare('SELECT * FROM province_feedback WHERE region_code = ? AND cursor > ? ORDER BY cursor LIMIT ?')
    .all(region, since, limit) as { cursor: number; region_code: string; rule_id: string; fingerprint: string; explanation: string; evidence: string; subjects: string; published_at: string }[];
  const items: FeedbackItem[] = rows.map((r) => ({
    cursor: r.cursor,
    ruleId: r.rule_id,
    regionCode: r.region_code,
    fingerprint: r.fingerprint,
    explanation: r.explanation,
    evidence: JSON.parse(r.evidence) as Record<string, unknown>,
    subjects: JSON.parse(r.subjects) as FeedbackItem['subjects'],
    publishedAt: r.published_at,
  }));
  return { items, cursor: items.at(-1)?.cursor ?? since };
}

export type { FlagCandidate };
