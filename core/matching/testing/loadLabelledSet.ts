import { supplyInput, needInput } from '../../../shared/contract/matching';
import type { Actor } from '../../service/context';
import { createWriter } from '../../service/context';
import type { Store } from '../../store/store';
import { installationRegion } from '../../filings/installationRegion';
import { upsertNeed } from '../needs';
import { upsertSupply } from '../supply';
import type { LabelledSet } from './labelledSet';

/**
 * Writes a labelled set into a store through the same upserts the forms use (segmenting and indexing every text),
 * in one transaction; returns each need's id with the number of its right patent.
 */
export function loadLabelledSet(
  store: Store,
  set: LabelledSet,
  actor: Actor,
): { needId: string; rightPatent: string }[] {
  const regionCode = installationRegion(store.db);
  return store.transaction((db) => {
    const w = createWriter(db, actor, new Date().toISOString());
    for (const supply of set.pool) upsertSupply(w, supplyInput.parse(supply), { regionCode, actorId: actor.id });
    return set.needs.map(({ need, rightPatent }) => ({
      needId: upsertNeed(w, needInput.parse(need), { regionCode, actorId: actor.id }).id,
      rightPatent,
    }));
  });
}
