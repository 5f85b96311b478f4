import type Database from 'better-sqlite3';
import { keepFindingAsFlag } from '../review/findingFlag';
import { scanRules, type FlagCandidate } from '../../rules/engine';
import { findingFor } from './regionView';

/** The rules that need every region's records at once (DESIGN §4): repeat transfer, round trip, duplicate entry. */
export const CROSS_CITY_RULES = ['R01', 'R02', 'R10'] as const;

const SUBJECT_TABLES = {
  deal: 'deals',
  pledge: 'pledges',
  subsidy: 'subsidies',
  registration: 'product_registrations',
} as const;

/**
 * After a batch is taken in: runs the cross-city rules over the findings that involve the batch's deals and publishes
 * each finding to every region whose records it concerns (a repeat transfer across two cities reaches both, each
 * region naming only its own records: `findingFor`).
 * A finding already published to a region is not published again. Returns how many items were published.
 */
export function publishCrossCityFindings(
  db: Database.Database,
  dealIds: readonly string[],
  asOf: string,
  at: string,
): number {
  if (dealIds.length === 0) return 0;
  const candidates = scanRules(db, { ruleIds: [...CROSS_CITY_RULES], asOf, dealIds });
  const publish = db.prepare(
    `INSERT INTO province_feedback (region_code, rule_id, fingerprint, explanation, evidence, subjects, published_at)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(region_code, fingerprint) DO NOTHING`,
  );
  const regionOf = Object.fromEntries(
    Object.entries(SUBJECT_TABLES).map(([entity, table]) => [
      entity,
      db.prepare(`SELECT region_code FROM ${table} WHERE id = ?`).pluck(),
    ]),
  );
  // A finding across regions is what only the province can see: its officers review it whole (跨地市审核).
  const keepWhole = db.prepare(
    `INSERT INTO province_findings (fingerprint, rule_id, explanation, evidence, subjects, deliveries, found_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(fingerprint) DO NOTHING`,
  );
  let published = 0;
  for (const c of candidates) {
    // The rules ran over the province's own tables, so every subject is there; the finding's region is only a fallback.
    const subjects = c.subjects.map((s) => ({
      ...s,
      regionCode: (regionOf[s.entity]!.get(s.entityId) as string | undefined) ?? c.regionCode,
    }));
    const regions = new Set(subjects.map((s) => s.regionCode));
    const deliveries: Record<string, string> = {};
    for (const region of regions) {
      const f = findingFor(region, c, subjects);
      deliveries[region ?? ''] = f.fingerprint;
      published += publish.run(
        region,
        c.ruleId,
        f.fingerprint,
        f.explanation,
        JSON.stringify(f.evidence),
        JSON.stringify(f.subjects),
        at,
      ).changes;
    }
    if (regions.size > 1) {
      const finding = {
        fingerprint: c.fingerprint,
        rule_id: c.ruleId,
        explanation: c.explanation,
        evidence: JSON.stringify(c.evidence),
        subjects: JSON.stringify(subjects),
        found_at: at,
      };
      const kept = keepWhole.run(
        finding.fingerprint,
        finding.rule_id,
        finding.explanation,
        finding.evidence,
        finding.subjects,
        JSON.stringify(deliveries),
        at,
      );
      // New: its deals are under review at the province too, until an officer decides.
      if (kept.changes > 0) keepFindingAsFlag(db, finding, '待审核', at);
    }
  }
  return published;
}

export type { FlagCandidate };
