import type { AuditAnchor, HeldAnchor } from '../shared/sync/auditAnchor';
import type { ProvinceSql } from '../core/province/store/provinceDb';

/** Whose chain an anchor is the head of: anchors are kept per installation, within the region its key is enrolled for. */
export interface AnchorOwner {
  regionCode: string;
  installationId: string;
}

const short = (hash: string) => `${hash.slice(0, 12)}…`;

/**
 * What the province can check without the city's rows: a chain only grows, so an anchor may never count fewer rows
 * than one held before, and an anchor counting the same rows as one held before must carry the same hash. An anchor
 * with more rows cannot be checked here (the province cannot recompute hashes); the city checks it against its rows.
 * Returns the problem in Chinese, or null.
 */
export async function anchorProblem(db: ProvinceSql, owner: AnchorOwner, anchor: AuditAnchor): Promise<string | null> {
  const { most } = (await db.get<{ most: number | null }>(
    'SELECT max(audit_rows) AS most FROM province_audit_anchors WHERE region_code = ? AND installation_id = ?',
    [owner.regionCode, owner.installationId],
  ))!;
  if (most !== null && anchor.rows < most) {
    return `审计日志被截断：该安装（${owner.installationId}）此前报送时审计日志已有 ${most} 行，本批次报送时只有 ${anchor.rows} 行。城市端的审计日志被删除了行，或从较早的备份恢复过，请核实`;
  }
  const sameRows = (
    await db.get<{ audit_hash: string }>(
      'SELECT audit_hash FROM province_audit_anchors WHERE region_code = ? AND installation_id = ? AND audit_rows = ? AND audit_hash <> ? LIMIT 1',
      [owner.regionCode, owner.installationId, anchor.rows, anchor.hash],
    )
  )?.audit_hash;
  if (sameRows !== undefined) {
    return `审计日志被改写：该安装（${owner.installationId}）此前报送第 ${anchor.rows} 行时哈希为 ${short(sameRows)}，本批次报送的同一行哈希为 ${short(anchor.hash)}。城市端第 ${anchor.rows} 行或其之前的行被改动过，请核实`;
  }
  return null;
}

/** Whether the installation has sent an anchor before: from then on every batch of it must carry one. */
export async function hasAnchors(db: ProvinceSql, owner: AnchorOwner): Promise<boolean> {
  const one = await db.get(
    'SELECT 1 AS one FROM province_audit_anchors WHERE region_code = ? AND installation_id = ? LIMIT 1',
    [owner.regionCode, owner.installationId],
  );
  return one !== undefined;
}

export async function keepAnchor(
  db: ProvinceSql,
  owner: AnchorOwner,
  held: { batchId: string; keyFingerprint: string; anchor: AuditAnchor; problem: string | null; receivedAt: string },
): Promise<void> {
  await db.run(
    `INSERT INTO province_audit_anchors (batch_id, region_code, installation_id, key_fingerprint, audit_rows, audit_last_seq, audit_hash, problem, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      held.batchId,
      owner.regionCode,
      owner.installationId,
      held.keyFingerprint,
      held.anchor.rows,
      held.anchor.lastSeq,
      held.anchor.hash,
      held.problem,
      held.receivedAt,
    ],
  );
}

/**
 * The order anchors arrived in, on both backends (PostgreSQL has no rowid): by time, and within one instant by the
 * chain's length, which only grows.
 */
export const ARRIVAL_ORDER = 'ORDER BY received_at, audit_rows, batch_id';

/** Every anchor held for an installation, in the order they arrived. */
export async function heldAnchors(db: ProvinceSql, owner: AnchorOwner): Promise<HeldAnchor[]> {
  const rows = await db.all<{
    batch_id: string;
    audit_rows: number;
    audit_last_seq: number;
    audit_hash: string;
    problem: string | null;
    received_at: string;
  }>(
    `SELECT batch_id, audit_rows, audit_last_seq, audit_hash, problem, received_at FROM province_audit_anchors
     WHERE region_code = ? AND installation_id = ? ${ARRIVAL_ORDER}`,
    [owner.regionCode, owner.installationId],
  );
  return rows.map((r) => ({
    batchId: r.batch_id,
    rows: r.audit_rows,
    lastSeq: r.audit_last_seq,
    hash: r.audit_hash,
    problem: r.problem,
    receivedAt: r.received_at,
  }));
}

export interface InstallationAnchors extends AnchorOwner {
  count: number;
  /** The most rows any anchor of this installation counted, and when the latest anchor arrived. */
  mostRows: number;
  lastReceivedAt: string;
  problems: { batchId: string; receivedAt: string; problem: string }[];
}

/** Every installation that has sent anchors, with the contradictions found: the province officer's check. */
export async function anchorsByInstallation(db: ProvinceSql): Promise<InstallationAnchors[]> {
  const installations = await db.all<{
    region_code: string;
    installation_id: string;
    count: number;
    most: number;
    last: string;
  }>(
    `SELECT region_code, installation_id, count(*) AS count, max(audit_rows) AS most, max(received_at) AS last
     FROM province_audit_anchors GROUP BY region_code, installation_id ORDER BY region_code, installation_id`,
  );
  const problems = await db.all<{
    region_code: string;
    installation_id: string;
    batch_id: string;
    received_at: string;
    problem: string;
  }>(
    `SELECT region_code, installation_id, batch_id, received_at, problem FROM province_audit_anchors
     WHERE problem IS NOT NULL ${ARRIVAL_ORDER}`,
  );
  return installations.map((i) => ({
    regionCode: i.region_code,
    installationId: i.installation_id,
    count: i.count,
    mostRows: i.most,
    lastReceivedAt: i.last,
    problems: problems
      .filter((p) => p.region_code === i.region_code && p.installation_id === i.installation_id)
      .map((p) => ({ batchId: p.batch_id, receivedAt: p.received_at, problem: p.problem })),
  }));
}
