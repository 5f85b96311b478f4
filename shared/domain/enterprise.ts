/**
 * Parties and enterprise size, DOMAIN.md §5 (中小企业划型标准规定, 工信部联企业〔2011〕300号). Revenue in 万元.
 */

export const PARTY_KINDS = ['高校', '科研院所', '国有企业', '企业', '个人', '其他'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/** 高校院所: a university or a research institute (indicator I2). */
export function isUniversityOrInstitute(kind: PartyKind): boolean {
  return kind === '高校' || kind === '科研院所';
}

export const ENTERPRISE_SIZES = ['微型', '小型', '中型', '大型'] as const;
export type EnterpriseSize = (typeof ENTERPRISE_SIZES)[number];

/** Micro, small and medium count as SME (中小微企业); large does not. */
export function isSmeSize(size: EnterpriseSize): boolean {
  return size !== '大型';
}

export const SECTORS = ['工业', '软件和信息技术服务业', '批发业', '信息传输业', '其他未列明行业'] as const;
export type Sector = (typeof SECTORS)[number];

export interface SizeThresholds {
  /** Staff and revenue (万元) from which an enterprise is medium; revenue null when the sector uses staff only. */
  readonly medium: readonly [staff: number, revenueWan: number | null];
  readonly small: readonly [staff: number, revenueWan: number | null];
  /** An enterprise is an SME when below EITHER of these; at or above both it is large. */
  readonly smeBelow: readonly [staff: number, revenueWan: number | null];
}

export type SmeThresholdTable = Readonly<Record<Sector, SizeThresholds>>;

/**
 * The table of 工信部联企业〔2011〕300号 for the sectors of DOMAIN.md §5. Callers that keep the table in settings
 * (so that a revised standard needs no release) pass their own to classifyEnterprise.
 */
export const SME_THRESHOLDS: SmeThresholdTable = {
  工业: { medium: [300, 2000], small: [20, 300], smeBelow: [1000, 40000] },
  软件和信息技术服务业: { medium: [100, 1000], small: [10, 50], smeBelow: [300, 10000] },
  批发业: { medium: [20, 5000], small: [5, 1000], smeBelow: [200, 40000] },
  信息传输业: { medium: [100, 1000], small: [10, 100], smeBelow: [2000, 100000] },
  // Includes scientific research and technical services; the standard sizes these by staff alone.
  其他未列明行业: { medium: [100, null], small: [10, null], smeBelow: [300, null] },
};

export interface EnterpriseFigures {
  sector: Sector;
  /** 从业人员 / 就业人数. */
  employees: number;
  /** 营业收入 in 万元; null or undefined when unknown. */
  revenueWan?: number | null;
}

export interface EnterpriseClassification {
  size: EnterpriseSize;
  isSme: boolean;
  /** Whether revenue took part; 'staffOnly' for 其他未列明行业 or when revenue is unknown. */
  basis: 'staffAndRevenue' | 'staffOnly';
}

/**
 * Derives the size from sector, staff and revenue. Medium and small need BOTH thresholds; below either one the
 * enterprise falls to the next size down, down to micro. Large means at or above BOTH of the "SME at all" bounds.
 *
 * Where the table is silent: 其他未列明行业 uses staff only, so unknown revenue changes nothing there. For the other
 * sectors an unknown revenue is not guessed: the enterprise is classified by its staff alone (each revenue threshold
 * treated as met). That can call large an enterprise whose unknown revenue would have made it an SME; the result
 * says so in `basis`, and a caller that needs proof (a flag's evidence) should look at it.
 */
export function classifyEnterprise(
  figures: EnterpriseFigures,
  table: SmeThresholdTable = SME_THRESHOLDS,
): EnterpriseClassification {
  const { sector, employees } = figures;
  const thresholds = table[sector];
  if (!thresholds) throw new RangeError(`classifyEnterprise: unknown sector "${String(sector)}"`);
  if (!Number.isFinite(employees) || employees < 0) {
    throw new RangeError(`classifyEnterprise: employees must be a non-negative number, got ${employees}`);
  }
  const revenue = figures.revenueWan ?? null;
  if (revenue !== null && (!Number.isFinite(revenue) || revenue < 0)) {
    throw new RangeError(`classifyEnterprise: revenueWan must be a non-negative number, got ${revenue}`);
  }
  const basis = revenue === null || thresholds.medium[1] === null ? 'staffOnly' : 'staffAndRevenue';
  const reaches = ([staff, revenueWan]: readonly [number, number | null]): boolean =>
    employees >= staff && (revenueWan === null || revenue === null || revenue >= revenueWan);

  const size: EnterpriseSize = reaches(thresholds.smeBelow)
    ? '大型'
    : reaches(thresholds.medium)
      ? '中型'
      : reaches(thresholds.small)
        ? '小型'
        : '微型';
  return { size, isSme: isSmeSize(size), basis };
}

/**
 * True when the figures put the enterprise above the SME bounds of §5 (rule R09: an assignee counted as SME whose
 * figures say otherwise). Same reading as classifyEnterprise, including staff alone when revenue is unknown.
 */
export function exceedsSmeBounds(figures: EnterpriseFigures, table: SmeThresholdTable = SME_THRESHOLDS): boolean {
  return !classifyEnterprise(figures, table).isSme;
}
