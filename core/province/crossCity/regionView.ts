import { fingerprintOf } from '../../rules/candidate';
import type { FlagCandidate, FlagSubject } from '../../rules/types';
import { sha256Hex } from '../../sync/signing';
import { regionText } from '../../../shared/domain/regions';

export type RegionalSubject = FlagSubject & { regionCode: string | null };

const KIND = { deal: '交易', pledge: '质押', subsidy: '奖补', registration: '产品备案' } as const;

export interface RegionalFinding {
  fingerprint: string;
  explanation: string;
  evidence: Record<string, unknown>;
  subjects: RegionalSubject[];
}

/** Replaces, anywhere in the evidence, another region's record (an object naming its id) or its id or number. */
function neutral(value: unknown, others: Map<string, string>, hidden: Set<string>): unknown {
  if (typeof value === 'string') return hidden.has(value) ? '（其他地区的记录）' : value;
  if (Array.isArray(value)) return value.map((v) => neutral(v, others, hidden));
  if (value === null || typeof value !== 'object') return value;
  const row = value as Record<string, unknown>;
  const id = [row.dealId, row.entityId, row.id].find((v) => typeof v === 'string' && others.has(v)) as
    string | undefined;
  if (id) return { 地区: others.get(id) };
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, neutral(v, others, hidden)]));
}

/**
 * What one region is told of a cross-city finding: its own records by id and business number, every other region's
 * only by the region's name (no ids, no numbers). A finding about one region's records alone goes out as found, so
 * it matches the same finding of the city's own scan.
 */
export function findingFor(region: string, c: FlagCandidate, subjects: readonly RegionalSubject[]): RegionalFinding {
  const own = subjects.filter((s) => s.regionCode === region);
  const foreign = subjects.filter((s) => s.regionCode !== region);
  if (foreign.length === 0)
    return { fingerprint: c.fingerprint, explanation: c.explanation, evidence: c.evidence, subjects: [...subjects] };
  const ownNumbers = new Set(own.map((s) => s.businessNo));
  const others = new Map(foreign.map((s) => [s.entityId, regionText(s.regionCode)]));
  // A number both sides share (R10: the same contract number entered twice) is the region's own too: it stays.
  const hiddenNumbers = foreign.filter((s) => !ownNumbers.has(s.businessNo));
  let explanation = c.explanation;
  for (const s of hiddenNumbers)
    explanation = explanation.split(s.businessNo).join(`${regionText(s.regionCode)}的一笔${KIND[s.entity]}`);
  const names = [...new Set(others.values())];
  const hidden = new Set([...others.keys(), ...hiddenNumbers.map((s) => s.businessNo)]);
  return {
    // The full finding's fingerprint names the other records: only its hash goes out, to tell two findings apart.
    fingerprint: `${fingerprintOf(c.ruleId, own)}|${sha256Hex(c.fingerprint).slice(0, 16)}`,
    explanation: `${explanation}（另一方为${names.join('、')}的记录，其编号由该地区掌握，省级不向本地区提供。）`,
    evidence: { ...(neutral(c.evidence, others, hidden) as Record<string, unknown>), 其他地区: names },
    subjects: own,
  };
}
