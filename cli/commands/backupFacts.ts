import type { BackupFacts } from '../../shared/contract/backup';
import { formatFileSize } from '../../shared/domain/fileSize';
import { latestSchemaVersion } from '../../core/store/migrations/index';

/** `2026-12-05 09:30` in this computer's local time, as the desk's screens show a moment. */
function localDateTime(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** What a backup holds, one fact a line: the same facts the restore confirmation in 设置 shows. */
export function describeBackup(facts: BackupFacts): string {
  const upgrade = facts.schemaVersion < latestSchemaVersion ? '，恢复后打开时会自动升级' : '';
  return [
    `备份文件：${facts.file}`,
    `大小：${formatFileSize(facts.bytes)}`,
    `所属：${facts.regionName}（${facts.regionCode}），安装编号 ${facts.installationId}`,
    `备份时间：${localDateTime(facts.createdAt)}`,
    `最后改动：${localDateTime(facts.lastChangeAt)}`,
    `结构版本：${facts.schemaVersion}（本程序 ${latestSchemaVersion}${upgrade}）`,
    `记录数：${facts.counts.map((c) => `${c.kind} ${c.count.toLocaleString('en')}`).join('，')}`,
  ].join('\n');
}
