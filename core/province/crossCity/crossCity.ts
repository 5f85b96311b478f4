import type { z } from 'zod';
import type { RuleThresholds } from '../../../shared/rules/thresholds';
import { RULE_SETTINGS_KEY, STORED_RULE_THRESHOLDS } from '../../rules/ruleSettings';
import { SETTING_SQL, settingOf } from '../../system/settingsStore';
import { provinceDealsSharingPatents, type PairRule } from '../../rules/patentPairs';
import { r01Repeat } from '../../rules/rules/r01Repeat';
import { r02RoundTrip } from '../../rules/rules/r02RoundTrip';
import { r10Duplicate } from '../../rules/rules/r10Duplicate';
import type { ProvinceTx } from '../store/provinceDb';
import { keepFindingForReview } from '../review/findingFlag';
import { findingFor } from './regionView';

/** The province's own thresholds (its 规则设置), on either backend; the defaults where it set none. */
async function provinceRuleThresholds(db: ProvinceTx): Promise<RuleThresholds> {
  const row = await db.get<{ value: string }>(SETTING_SQL, [RULE_SETTINGS_KEY]);
  return settingOf(row, STORED_RULE_THRESHOLDS as z.ZodType<RuleThresholds>);
}

/** The rules that need every region's records at once (DESIGN §4): repeat transfer, round trip, duplicate entry. */
export const CROSS_CITY_RULES: readonly PairRule[] = [r01Repeat, r02RoundTrip, r10Duplicate];

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
export async function publishCrossCityFindings(
  db: ProvinceTx,
  dealIds: readonly string[],
  at: string,
): Promise<number> {
  if (dealIds.length === 0) return 0;
  const thresholds = await provinceRuleThresholds(db);
  const pairs = await provinceDealsSharingPatents(db, dealIds);
  const candidates = CROSS_CITY_RULES.flatMap((rule) => rule.fromPairs(pairs, thresholds));
  const regionOf = async (entity: keyof typeof SUBJECT_TABLES, id: string) =>
    (await db.get<{ region_code: string }>(`SELECT region_code FROM ${SUBJECT_TABLES[entity]} WHERE id = ?`, [id]))
      ?.region_code;
  let published = 0;
  for (const c of candidates) {
    // The rules ran over the province's own tables, so every subject is there; the finding's region is only a fallback.
    const subjects = [];
    for (const s of c.subjects)
      subjects.push({
        ...s,
        regionCode: (await regionOf(s.entity as keyof typeof SUBJECT_TABLES, s.entityId)) ?? c.regionCode,
      });
    const regions = new Set(subjects.map((s) => s.regionCode));
    const deliveries: Record<string, string> = {};
    for (const region of regions) {
      const f = findingFor(region, c, subjects);
      deliveries[region ?? ''] = f.fingerprint;
      published += await db.run(
        `INSERT INTO province_feedback (region_code, rule_id, fingerprint, explanation, evidence, subjects, published_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (region_code, fingerprint) DO NOTHING`,
        [region, c.ruleId, f.fingerprint, f.explanation, JSON.stringify(f.evidence), JSON.stringify(f.subjects), at],
      );
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
      // A finding across regions is what only the province can see: its officers review it whole (跨地市审核).
      const kept = await db.run(
        `INSERT INTO province_findings (fingerprint, rule_id, explanation, evidence, subjects, deliveries, found_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (fingerprint) DO NOTHING`,
        [
          finding.fingerprint,
          finding.rule_id,
          finding.explanation,
          finding.evidence,
          finding.subjects,
          JSON.stringify(deliveries),
          at,
        ],
      );
      // New: its deals are under review at the province too, until an officer decides.
      if (kept > 0) await keepFindingForReview(db, finding, at);
    }
  }
  return published;
}
