import fs from 'node:fs';
import path from 'node:path';
import type { BackupKind } from '../../shared/contract/backup';
import { isoFromParts } from '../../shared/domain/dates';
import { regionName } from '../../shared/domain/regions';
import type { Installation } from '../system/installation';

// Backups are named by their store — `太原市-140100-手动-2026-12-05-0930.db` — so that backups of two stores kept in one
// folder are told apart by people and by the desk (dates alone mixed them up: issue 17, point 12). Chinese names are
// safe: NTFS, exFAT and FAT32's long names store Unicode, Node uses the wide Windows APIs, and the people who copy
// these files read Chinese; the region code beside the name keeps them apart in a tool that mangles it.

const KIND_WORDS: Record<BackupKind, string> = { 每日自动: '每日', 升级前自动: '升级前', 手动: '手动' };

/** `太原市-140100`: the part of every backup name that says whose store it is. */
export function storePrefix(installation: Installation | null): string {
  if (!installation) return '未设置地区-000000';
  return `${regionName(installation.regionCode) ?? '未知地区'}-${installation.regionCode}`;
}

function localDate(now: Date): string {
  return isoFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

function localStamp(now: Date): string {
  return `${localDate(now)}-${String(now.getHours()).padStart(2, '0')}${String(now.getMinutes()).padStart(2, '0')}`;
}

/** Today's automatic backup: one a day, so the date alone completes the name. */
export function dailyName(installation: Installation | null, now: Date): string {
  return `${storePrefix(installation)}-${KIND_WORDS.每日自动}-${localDate(now)}.db`;
}

/** A manual backup's name, with `-2`, `-3` … when one was made in the same minute already. */
export function manualName(folder: string, installation: Installation | null, now: Date): string {
  return unusedName(folder, `${storePrefix(installation)}-${KIND_WORDS.手动}-${localStamp(now)}`);
}

export function beforeMigrationName(
  folder: string,
  installation: Installation | null,
  from: number,
  to: number,
  now: Date,
): string {
  return unusedName(folder, `${storePrefix(installation)}-${KIND_WORDS.升级前自动}-v${from}-v${to}-${localStamp(now)}`);
}

function unusedName(folder: string, base: string): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${base}.db` : `${base}-${n}.db`;
    if (!fs.existsSync(path.join(folder, name))) return name;
  }
}

const STAMP = String.raw`\d{4}-\d{2}-\d{2}-\d{4}(?:-\d+)?`;
const STORE = String.raw`[^/\\]+-\d{6}`;

/** The kind of a backup by its name: today's names, and the date-only names of earlier versions. */
const KINDS: [RegExp, BackupKind][] = [
  [new RegExp(`^${STORE}-每日-\\d{4}-\\d{2}-\\d{2}\\.db$`), '每日自动'],
  [new RegExp(`^${STORE}-升级前-v\\d+-v\\d+-${STAMP}\\.db$`), '升级前自动'],
  [new RegExp(`^${STORE}-手动-${STAMP}\\.db$`), '手动'],
  [/^daily-\d{4}-\d{2}-\d{2}\.db$/, '每日自动'],
  [/^before-migration-v\d+-to-v\d+-[\dTZ]+\.db$/, '升级前自动'],
  [/^manual-[\dTZ]+\.db$/, '手动'],
];

export function kindOf(name: string): BackupKind | null {
  return KINDS.find(([pattern]) => pattern.test(name))?.[1] ?? null;
}

/**
 * The dates of this store's daily backups in a folder, each with its file: those named by this store, and the
 * date-only ones of earlier versions (which were this folder's store's own).
 */
export function dailiesOf(
  names: readonly string[],
  installation: Installation | null,
): { date: string; name: string }[] {
  const own = new RegExp(`^${escape(storePrefix(installation))}-每日-(\\d{4}-\\d{2}-\\d{2})\\.db$`);
  return names.flatMap((name) => {
    const date = own.exec(name)?.[1] ?? /^daily-(\d{4}-\d{2}-\d{2})\.db$/.exec(name)?.[1];
    return date ? [{ date, name }] : [];
  });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
