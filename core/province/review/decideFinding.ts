import { PROVINCE_DECISION_KEY, type ProvinceDecision } from '../../../shared/sync/feedbackKinds';
import type { ProvinceWriter } from '../store/provinceWriter';
import { publishFeedback } from '../feedback';
import { sendNotice } from '../notices/notices';
import { CLAIM_RULE, findingRegions, readFindingRow } from './crossReview';
import { keepFindingAsFlag } from './findingFlag';

/**
 * The province's decision on a cross-city finding, audited, and sent to every region that owns a record of it: each
 * region's own copy of the finding (the item it was sent, with only its records) goes out again with the decision in
 * its evidence, so the city's review queue shows it on the flag it already holds. A CLAIM concerns a shared record
 * no city flag holds: its owner and claimant get the decision as a notice. The province keeps its decision as a flag
 * of its own, so a confirmed deal leaves its figures (findingFlag.ts).
 */
export async function decideFinding(
  w: ProvinceWriter,
  actorName: string,
  fingerprint: string,
  decision: ProvinceDecision['decision'],
  reason: string,
): Promise<void> {
  const row = await readFindingRow(w.tx, fingerprint);
  await w.tx.run(
    'UPDATE province_findings SET status = ?, reason = ?, decided_by = ?, decided_at = ? WHERE fingerprint = ?',
    [decision, reason, actorName, w.at, fingerprint],
  );
  await w.record({
    action: 'provinceReview.decide',
    entity: 'province_finding',
    entityId: fingerprint,
    detail: { rule: row.rule_id, from: row.status, to: decision, reason },
  });
  const verdict: ProvinceDecision = { decision, reason, decidedAt: w.at };
  if (row.rule_id === CLAIM_RULE.id) {
    const title = `省级审核结论：${CLAIM_RULE.name}（${decision}）`;
    await sendNotice(w, actorName, {
      title,
      body: `${row.explanation}\n省级审核结论：${decision}。理由：${reason}`,
      regions: findingRegions(row),
    });
    return;
  }
  await keepFindingAsFlag(w.tx, row, decision, w.at);
  const deliveries = JSON.parse(row.deliveries) as Record<string, string>;
  for (const [region, itemFingerprint] of Object.entries(deliveries)) {
    const item = await w.tx.get<{ explanation: string; evidence: string; subjects: string }>(
      'SELECT explanation, evidence, subjects FROM province_feedback WHERE region_code = ? AND fingerprint = ?',
      [region, itemFingerprint],
    );
    if (!item) continue;
    const evidence = { ...(JSON.parse(item.evidence) as Record<string, unknown>), [PROVINCE_DECISION_KEY]: verdict };
    await publishFeedback(
      w.tx,
      {
        region,
        ruleId: row.rule_id,
        fingerprint: itemFingerprint,
        explanation: item.explanation,
        evidence,
        subjects: JSON.parse(item.subjects) as unknown[],
      },
      w.at,
    );
  }
}
