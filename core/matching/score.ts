import type { MatchReason } from '../../shared/contract/matching';
import { isSmeSize, type EnterpriseSize } from '../../shared/domain/enterprise';
import { industriesOfIpc } from '../../shared/domain/ipcIndustries';
import { regionName } from '../../shared/domain/regions';

/**
 * How a candidate ranks (DOMAIN §9). Text similarity (bm25 over the segmented words, relative to the best candidate)
 * weighs most; the same industry, an IPC class of the need's industry, shared keywords, the same city and — when
 * enterprises are ranked — an SME add to it. Each part that counts is also a reason shown to the caseworker.
 */
export const WEIGHTS = { text: 0.5, industry: 0.15, ipc: 0.1, keywords: 0.1, region: 0.1, sme: 0.05 } as const;

export interface MatchFeatures {
  /** bm25 of this candidate and of the best one (FTS5's bm25 is negative: lower is better). */
  bm25: number;
  bestBm25: number;
  /** The share of the query words' weight (IDF) the candidate holds. */
  coverage: number;
  needIndustry: string;
  supplyIndustry: string;
  ipcClass: string | null;
  /** Words of the one side found among the other's keywords. */
  sharedKeywords: readonly string[];
  /** City codes (null: outside Shanxi or unknown). */
  needCity: string | null;
  supplyCity: string | null;
  /** Set when enterprises are ranked: the size of the enterprise with the need. */
  enterpriseSize?: EnterpriseSize | null;
}

export function scoreMatch(f: MatchFeatures): { score: number; reasons: MatchReason[] } {
  const reasons: MatchReason[] = [];
  // bm25 saturates on a word repeated in a long text; coverage says how much of what was asked the candidate holds.
  const text = 0.4 * (f.bestBm25 < 0 ? Math.min(1, f.bm25 / f.bestBm25) : 0) + 0.6 * f.coverage;
  let score = WEIGHTS.text * text;
  if (f.sharedKeywords.length > 0) {
    score += WEIGHTS.keywords * Math.min(1, f.sharedKeywords.length / 2);
    reasons.push({ kind: 'keywords', text: `关键词相同：${f.sharedKeywords.slice(0, 5).join('、')}` });
  }
  reasons.push({ kind: 'text', text: `文本相似度 ${Math.round(text * 100)}%` });
  const industryKnown = f.needIndustry !== '其他';
  if (industryKnown && f.needIndustry === f.supplyIndustry) {
    score += WEIGHTS.industry;
    reasons.push({ kind: 'industry', text: `同属产业：${f.needIndustry}` });
  }
  if (industryKnown && f.ipcClass && industriesOfIpc(f.ipcClass).includes(f.needIndustry as never)) {
    score += WEIGHTS.ipc;
    reasons.push({ kind: 'ipc', text: `IPC ${f.ipcClass} 属于${f.needIndustry}` });
  }
  if (f.needCity && f.needCity === f.supplyCity) {
    score += WEIGHTS.region;
    reasons.push({ kind: 'region', text: `同在${regionName(f.needCity) ?? f.needCity}` });
  } else if (f.needCity && f.supplyCity) {
    score += WEIGHTS.region / 2;
    reasons.push({
      kind: 'region',
      text: `省内：${regionName(f.supplyCity) ?? f.supplyCity} ↔ ${regionName(f.needCity) ?? f.needCity}`,
    });
  }
  if (f.enterpriseSize && isSmeSize(f.enterpriseSize)) {
    score += WEIGHTS.sme;
    reasons.push({ kind: 'size', text: `中小企业（${f.enterpriseSize}）优先` });
  }
  return { score: Math.round(score * 1000) / 1000, reasons };
}
