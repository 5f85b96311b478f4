import type Database from 'better-sqlite3';

export interface PeerState {
  feedbackCursor: number;
  lastContactAt: string | null;
  lastError: string | null;
}

type Db = Pick<Database.Database, 'prepare'>;

export function readPeer(db: Db): PeerState {
  const row = db.prepare('SELECT feedback_cursor, last_contact_at, last_error FROM sync_peer WHERE id = 1').get() as
    { feedback_cursor: number; last_contact_at: string | null; last_error: string | null } | undefined;
  return {
    feedbackCursor: row?.feedback_cursor ?? 0,
    lastContactAt: row?.last_contact_at ?? null,
    lastError: row?.last_error ?? null,
  };
}

/** Records that the province answered (contact) or could not be reached (error only). */
export function notePeer(
  db: Db,
  at: string,
  change: { contact?: boolean; error?: string | null; feedbackCursor?: number },
): void {
  const current = readPeer(db);
  db.prepare(
    `INSERT INTO sync_peer (id, feedback_cursor, last_contact_at, last_error, updated_at) VALUES (1, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET feedback_cursor = excluded.feedback_cursor, last_contact_at = excluded.last_contact_at,
       last_error = excluded.last_error, updated_at = excluded.updated_at`,
  ).run(
    change.feedbackCursor ?? current.feedbackCursor,
    change.contact ? at : current.lastContactAt,
    change.error === undefined ? current.lastError : change.error,
    at,
  );
}
