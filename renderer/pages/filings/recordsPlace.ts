import { PROVINCE_CODE } from '../../../shared/domain/regions';
import { useSession } from '../../app/session';

/**
 * Where the record lists and details live on this installation, and whether they can be changed there. A city desk
 * keeps them under 备案登记, editable by 录入员 and 管理员; the province's workbench shows the cities' records under its
 * home, read-only (the province never records or edits: a city is the only writer of its records).
 */
export function useRecordsPlace(): { base: string; canEdit: boolean; atProvince: boolean } {
  const { status, user } = useSession();
  const atProvince = status.region?.code === PROVINCE_CODE;
  if (atProvince) return { base: '/home/records', canEdit: false, atProvince };
  return { base: '/filings', canEdit: user.role === '录入员' || user.role === '管理员', atProvince };
}
