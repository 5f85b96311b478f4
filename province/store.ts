import { asProvinceStore } from '../core/province/provinceStore';
import { openStore, type Store } from '../core/store/store';

/** Opens (or creates) a provincial store: the city schema and migrations, then the province's own migrations. */
export function openProvinceStore(file: string, options: { mustExist?: boolean } = {}): Store {
  return asProvinceStore(openStore(file, options));
}
