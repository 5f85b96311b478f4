import type { WriteOutcome } from '../../shared/contract/filings/records';
import type { matchingMethods } from '../../shared/contract/matching';
import { refuse } from '../filings/checks';
import { installationRegion } from '../filings/installationRegion';
import type { RecordOptions } from '../filings/pledges';
import type { HandlersOf, ServiceContext, Writer } from '../service/context';
import { funnel } from './funnel';
import { getMatchmaking, listMatchmakings, recordDealFromPool, upsertMatchmaking } from './matchmakings';
import { listNeeds, upsertNeed } from './needs';
import { enterprisesForSupply, matchesForNeed } from './rank';
import { listSupply, upsertSupply } from './supply';

type Upsert<I> = (w: Writer, input: I, options: RecordOptions) => WriteOutcome;

/**
 * A save of the installation's region by the signed-in user: an edit of record `id`, or a new record — refused when
 * its business number is already recorded (the form means a new one; the import updates by number instead).
 */
const save =
  <I>(upsert: Upsert<I>, taken: (input: I) => [field: string, message: string]) =>
  (input: { id?: string | null; record: I }, ctx: ServiceContext) => {
    const regionCode = installationRegion(ctx.store.db);
    const actorId = ctx.requireActor().id;
    return ctx.write((w) => {
      if (input.id) return upsert(w, input.record, { regionCode, actorId, id: input.id });
      const outcome = upsert(w, input.record, { regionCode, actorId });
      if (outcome.outcome !== 'new') throw refuse(...taken(input.record));
      return outcome;
    });
  };

export const matchingHandlers = {
  'matching.supply.save': save(upsertSupply, (r) => [
    'patentNumber',
    `专利 ${r.patentNumber} 已在供给库中，请在列表中打开该专利修改`,
  ]),
  'matching.supply.list': (input, ctx) => ctx.read((dialect) => listSupply(input, dialect)),
  'matching.needs.save': save(upsertNeed, (r) => ['needNo', `需求编号 ${r.needNo} 已录入，请在列表中打开该需求修改`]),
  'matching.needs.list': (input, ctx) => ctx.read((dialect) => listNeeds(input, dialect)),
  'matching.forNeed': (input, ctx) => ctx.read((dialect) => matchesForNeed(input.needId, input.limit, dialect)),
  'matching.forSupply': (input, ctx) =>
    ctx.read((dialect) => enterprisesForSupply(input.supplyId, input.limit, dialect)),
  'matching.matchmakings.save': save(upsertMatchmaking, () => ['id', '该对接记录已录入']),
  'matching.matchmakings.list': (input, ctx) => ctx.read(() => listMatchmakings(input)),
  'matching.matchmakings.get': (input, ctx) => ctx.read(() => getMatchmaking(input.id)),
  'matching.recordDeal': (input, ctx) => {
    const regionCode = installationRegion(ctx.store.db);
    return ctx.write((w) => recordDealFromPool(w, input, { regionCode, actorId: ctx.requireActor().id }));
  },
  'matching.funnel': (input, ctx) => ctx.read((dialect) => funnel(input.year, {}, dialect)),
} satisfies HandlersOf<typeof matchingMethods>;
