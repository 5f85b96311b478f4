import type Database from 'better-sqlite3';
import type { AuditAnchor, HeldAnchor } from '../shared/sync/auditAnchor';

type Db = Pick<Database.Database, 'prepare'>;

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
export function anchorProblem(db: Db, owner: AnchorOwner, anchor: AuditAnchor): string | null {
  const most = db
    .prepare('SELECT max(audit_rows) FROM province_audit_anchors WHERE region_code = ? AND installation_id = ?')
    .pluck()
    .get(owner.regionCode, owner.installationId) as number | null;
  if (most !== null && anchor.rows < most) {
    return `审计日志被截断：该安装（${owner.installationId}）此前报送时审计日志已有 ${most} 行，本批次报送时只有 ${anchor.rows} 行。城市端的审计日志被删除了行，或从较早的备份恢复过，请核实`;
  }
  const sameRows = db
    .prepare(
      'SELECT audit_hash FROM province_audit_anchors WHERE region_code = ? AND installation_id = ? AND audit_rows = ? AND audit_hash <> ? LIMIT 1',
    )
    .pluck()
    .get(owner.regionCode, owner.installationId, anchor.rows, anchor.hash) as string | undefined;
  if (sameRows !== undefined) {
    return `审计日志被改写：该安装（${owner.installationId}）此前报送第 ${anchor.rows} 行时哈希为 ${short(sameRows)}，本批次报送的同一行哈希为 ${short(anchor.hash)}。城市端第 ${anchor.rows} 行或其之前的行被改动过，请核实`;
  }
  return null;
}

/** Whether the installation has sent an anchor before: from then on every batch of it must carry one. */
export function hasAnchors(db: Db, owner: AnchorOwner): boolean {
  return (
    db
      .prepare('SELECT 1 FROM province_audit_anchors WHERE region_code = ? AND installation_id = ? LIMIT 1')
      .get(owner.regionCode, owner.installationId) !== undefined
  );
}

export function keepAnchor(
  db: Db,
  owner: AnchorOwner,
  held: { batchId: string; keyFingerprint: string; anchor: AuditAnchor; problem: string | null; receivedAt: string },
): void {
  db.prepare(
    `INSERT INTO province_audit_anchors (batch_id, region_code, installation_id, key_fingerprint, audit_rows, audit_last_seq, audit_hash, problem, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    held.batchId,
    owner.regionCode,
    owner.installationId,
    held.keyFingerprint,
    held.anchor.rows,
    held.anchor.lastSeq,
    held.anchor.hash,
    held.problem,
    held.receivedAt,
  );
}

/** Every anchor held for an installation, in the order they arrived. */
export function heldAnchors(db: Db, owner: AnchorOwner): HeldAnchor[] {
  const rows = db
    .prepare(
      `SELECT batch_id, audit_rows, audit_last_seq, audit_hash, problem, received_at FROM province_audit_anchors
       WHERE region_code = ? AND installation_id = ? ORDER BY rowid`,
    )
    .all(owner.regionCode, owner.installationId) as {
    batch_id: string;
    audit_rows: number;
    audit_last_seq: number;
    audit_hash: string;
    problem: string | null;
    received_at: string;
  }[];
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
export function anchorsByInstallation(db: Db): InstallationAnchors[] {
  const installations = db
    .prepare(
      `SELECT region_code, installation_id, count(*) AS count, max(audit_rows) AS most, max(received_at) AS last
       FROM province_audit_anchors GROUP BY region_code, installation_id ORDER BY region_code, installation_id`,
    )
    .all() as { region_code: string; installation_id: string; count: number; most: number; last: string }[];
  const problems = db.prepare(
    'SELECT batch_id, received_at, problem FROM province_audit_anchors WHERE region_code = ? AND installation_id = ? AND problem IS NOT NULL ORDER BY rowid',
  );
  return installations.map((i) => ({
    regionCode: i.region_code,
    installationId: i.installation_id,
    count: i.count,
    mostRows: i.most,
    lastReceivedAt: i.last,
    problems: (
      problems.all(i.region_code, i.installation_id) as { batch_id: string; received_at: string; problem: string }[]
    ).map((p) => ({
      batchId: p.batch_id,
      receivedAt: p.received_at,
      problem: p.problem,
    })),
  }));
}
