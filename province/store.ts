import { DeskError } from '../core/service/errors';
import { openStore, type Store } from '../core/store/store';
import { PROVINCE_CODE } from '../shared/domain/regions';

/**
 * Within one installation a contract number, pledge or subsidy number, or an enterprise's figures of a year are
 * unique; across the province they are not (two installations of one region may enter the same deal — which is
 * what R10 is there to find), so the provincial store keeps these as plain indexes.
 */
const PROVINCE_INDEXES = /* sql */ `
DROP INDEX IF EXISTS deals_contract;
CREATE INDEX IF NOT EXISTS province_deals_contract ON deals(region_code, contract_no);
DROP INDEX IF EXISTS pledges_registration;
CREATE INDEX IF NOT EXISTS province_pledges_registration ON pledges(registration_no);
DROP INDEX IF EXISTS product_registrations_no;
CREATE INDEX IF NOT EXISTS province_product_registrations_no ON product_registrations(registration_no);
DROP INDEX IF EXISTS subsidies_no;
CREATE INDEX IF NOT EXISTS province_subsidies_no ON subsidies(subsidy_no);
DROP INDEX IF EXISTS enterprise_figures_org_year;
CREATE INDEX IF NOT EXISTS province_enterprise_figures_org_year ON enterprise_figures(organization_id, year);
`;

/** Opens (or creates) a provincial store: the city schema and migrations, with province-wide indexes. */
export function openProvinceStore(file: string, options: { mustExist?: boolean } = {}): Store {
  const store = openStore(file, options);
  // A city's own store must never become a provincial one (its per-installation uniqueness would be dropped).
  const region = store.db.prepare('SELECT region_code FROM installation LIMIT 1').pluck().get() as string | undefined;
  if (region !== undefined && region !== PROVINCE_CODE) {
    store.close();
    throw new DeskError('NOT_A_PROVINCE_STORE', `${file} 是地区 ${region} 的本机数据库，不能用作省级数据库；请用 --db 指定省级数据库文件`);
  }
  store.transaction((db) => db.exec(PROVINCE_INDEXES));
  return store;
}
