import type { ForeignKey } from '../provinceDb';

/**
 * The tables in an order in which every table comes after the tables its foreign keys point at, so that rows copied
 * in this order never name a row not yet there; ties in alphabetical order, so the order is the same on every run.
 * A reference to a table outside the list, or to the table itself, does not constrain the order.
 */
export function parentsFirst(tables: readonly string[], foreignKeys: ReadonlyMap<string, readonly ForeignKey[]>) {
  const pending = new Set([...tables].sort());
  const ordered: string[] = [];
  while (pending.size > 0) {
    const ready = [...pending].find((table) =>
      (foreignKeys.get(table) ?? []).every((fk) => fk.table === table || !pending.has(fk.table)),
    );
    // A cycle of foreign keys cannot be copied table by table; the province's schema has none.
    if (!ready) throw new Error(`foreign keys form a cycle among: ${[...pending].join(', ')}`);
    pending.delete(ready);
    ordered.push(ready);
  }
  return ordered;
}
