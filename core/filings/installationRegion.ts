import { DeskError } from '../service/errors';
import type { ReadHandle } from '../store/store';
import { readInstallation } from '../system/installation';

/** The region this installation records for: every record it creates carries it. */
export function installationRegion(db: ReadHandle): string {
  const installation = readInstallation(db);
  if (!installation) throw new DeskError('NOT_SET_UP', '本机尚未完成初始设置，请先设置所属地区');
  return installation.regionCode;
}
