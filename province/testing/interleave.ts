import type { ProvinceDb, ProvinceTx, SqlValue } from '../../core/province/store/provinceDb';

/** A store with another server's work staged inside this one's; `ran` tells whether the staging point was reached. */
export type Interleaved = ProvinceDb & { ran: () => boolean };

type Point =
  /** Just before this store's first transaction begins. */
  | { beforeTransaction: true }
  /** Inside a transaction, once a read matches, before the read is answered. */
  | { afterRead: (sql: string, params: readonly SqlValue[]) => boolean };

/**
 * The store, except that `meanwhile` (another server's work on the same database) runs to its end once, at `point`
 * of this store's work: two servers' statements interleaved in one chosen order, deterministically.
 */
export function interleave(db: ProvinceDb, point: Point, meanwhile: () => Promise<unknown>): Interleaved {
  let ran = false;
  const once = async () => {
    if (ran) return;
    ran = true;
    await meanwhile();
  };
  const pausing = (tx: ProvinceTx, when: (sql: string, params: readonly SqlValue[]) => boolean): ProvinceTx => ({
    ...tx,
    get: async <T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> => {
      const row = await tx.get<T>(sql, params);
      if (when(sql, params)) await once();
      return row;
    },
    all: async <T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> => {
      const rows = await tx.all<T>(sql, params);
      if (when(sql, params)) await once();
      return rows;
    },
  });
  return {
    ...db,
    transaction: async (fn) => {
      if ('beforeTransaction' in point) {
        await once();
        return db.transaction(fn);
      }
      return db.transaction((tx) => fn(pausing(tx, point.afterRead)));
    },
    ran: () => ran,
  };
}
