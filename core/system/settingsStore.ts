import type { z } from 'zod';
import type { ReadHandle } from '../store/store';
import type { ProvinceSql } from '../province/store/provinceDb';
import type { ProvinceWriter } from '../province/store/provinceWriter';

/** The general settings (设置 → 常规): the province endpoint, the idle limit of a signed-in session. */
export const GENERAL_SETTINGS_KEY = 'general';

/**
 * Settings are versioned JSON documents under a key, validated by the schema of their contract on read
 * (so a default added later fills in) and on write. Every change is audited with its new version.
 */
export function readSetting<S extends z.ZodType>(db: ReadHandle, key: string, schema: S): z.output<S> {
  return settingOf(db.prepare(SETTING_SQL).get(key) as { value: string } | undefined, schema);
}

/** One setting's stored row, in SQL SQLite and PostgreSQL both run (the province reads its settings on either). */
export const SETTING_SQL = 'SELECT value FROM settings WHERE key = ?';
/** The same with its version. */
const SETTING_ROW_SQL = 'SELECT value, version FROM settings WHERE key = ?';

/** A setting's value from its stored row (or none): what the schema makes of it, else the schema's defaults. */
export function settingOf<S extends z.ZodType>(row: { value: string } | undefined, schema: S): z.output<S> {
  const parsed = schema.safeParse(row ? JSON.parse(row.value) : {});
  return parsed.success ? parsed.data : schema.parse({});
}

export function settingVersion(db: ReadHandle, key: string): number {
  const row = db.prepare('SELECT version FROM settings WHERE key = ?').get(key) as { version: number } | undefined;
  return row?.version ?? 0;
}

/** A setting on either backend, with its version (0: never written, the schema's defaults). */
export async function readSettingWithVersion<S extends z.ZodType>(
  db: ProvinceSql,
  key: string,
  schema: S,
): Promise<{ value: z.output<S>; version: number }> {
  const row = await db.get<{ value: string; version: number }>(SETTING_ROW_SQL, [key]);
  return { value: settingOf(row, schema), version: row?.version ?? 0 };
}

/** Writes a setting as its next version (counted by the store itself, so two writers never give one number twice). */
export async function writeSetting(w: ProvinceWriter, key: string, value: unknown, actorName: string): Promise<number> {
  const row = await w.tx.get<{ version: number }>(
    `INSERT INTO settings (key, value, version, updated_at, updated_by) VALUES (?, ?, 1, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, version = settings.version + 1,
       updated_at = excluded.updated_at, updated_by = excluded.updated_by
     RETURNING version`,
    [key, JSON.stringify(value), w.at, actorName],
  );
  const version = row!.version;
  await w.record({ action: 'settings.update', entity: 'settings', entityId: key, detail: { version, value } });
  return version;
}
