/**
 * Every code a service error may carry, over every transport. Tests, logs and the renderer match on these, so a new
 * code is added here (the one list) and nowhere else; DeskError takes only these, so the typecheck refuses a code
 * thrown in core that is missing here. The province's per-record refusals (NOT_OWNER, SEQ_GAP, …) are the sync
 * protocol's, in shared/sync/batch.ts, not service errors.
 */
export type ErrorCode =
  // Input and access
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'LOGIN_FAILED'
  | 'LOGIN_LOCKED'
  | 'LOGIN_THROTTLED'
  | 'WRONG_INSTALLATION'
  // Set-up and the store
  | 'NOT_SET_UP'
  | 'ALREADY_SET_UP'
  | 'BUSY'
  | 'DISK_FULL'
  | 'STORE_MISSING'
  | 'STORE_CORRUPT'
  | 'STORE_UNAVAILABLE'
  | 'STORE_OPEN_FAILED'
  | 'STORE_TOO_NEW'
  | 'NOT_A_PROVINCE_STORE'
  | 'NOT_ON_POSTGRES'
  | 'ENROLL_REFUSED'
  | 'SEED_NOT_EMPTY'
  // Moving the province's SQLite store to PostgreSQL (core/province/store/migrateFromSqlite.ts)
  | 'MIGRATION_TARGET_NOT_EMPTY'
  | 'MIGRATION_ROW_REFUSED'
  | 'MIGRATION_MISMATCH'
  // Records, attachments, imports
  | 'ATTACHMENT_MISSING'
  | 'ATTACHMENT_ALTERED'
  | 'IMPORT_FILE'
  | 'NO_DRAFTS'
  | 'NO_REPORT'
  | 'CONFLICT'
  | 'PROVINCE_TARGET'
  // Backups
  | 'BACKUP_MISSING'
  | 'BACKUP_INVALID'
  | 'BACKUP_OTHER_STORE'
  // Sync and the signing key
  | 'NO_ENDPOINT'
  | 'KEY_MISSING'
  | 'KEY_MISMATCH'
  | 'KEY_SEALED'
  | 'KEY_UNREADABLE'
  | 'KEY_FILE_INVALID'
  // Transports: the dispatcher, the local HTTP server and client, the desktop shell
  | 'UNKNOWN_METHOD'
  | 'INTERNAL'
  | 'BAD_REQUEST'
  | 'OFFLINE'
  | 'CORE_EXITED';
