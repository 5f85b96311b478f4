import type { filingsMethods } from '../../shared/contract/index';
import type { ParsedDeal } from '../../shared/contract/filings/deals';
import type { HandlersOf, ServiceContext, Writer } from '../service/context';
import { refuse } from './checks';
import { upsertDeal } from './deals';
import { upsertEnterpriseFigures } from './figures';
import { installationRegion } from './installationRegion';
import { dealPaymentChange, replaceDealPayments } from './payments';
import { type RecordOptions, upsertPledge } from './pledges';
import { getDeal, getFigures, getPledge, getRegistration, getSubsidy } from './queries/details';
import { listDeals } from './queries/listDeals';
import { listFigures } from './queries/listFigures';
import { listPledges } from './queries/listPledges';
import { listRegistrations } from './queries/listRegistrations';
import { listSubsidies } from './queries/listSubsidies';
import { upsertRegistration } from './registrations';
import { upsertSubsidy } from './subsidies';
import type { VoidableEntity } from './tables';
import { restoreRecord } from './restoreRecord';
import { voidRecord } from './voidRecord';
import { checkDealsAfterWrite } from '../rules/incremental';

type Methods = typeof filingsMethods;
type Outcome = ReturnType<typeof upsertDeal>;

/** Create refuses a business number that is already recorded: the form means a new record, not an edit. */
function createOnly(outcome: Outcome, field: string, message: string): Outcome {
  if (outcome.outcome !== 'new') throw refuse(field, message);
  return outcome;
}

/** The save's outcome, counting changes beside the record itself (a deal's payments) as an update. */
function saveWithSideChanges(ctx: ServiceContext, fn: (w: Writer) => Outcome): Outcome {
  return ctx.write((w) => {
    const before = w.db.prepare('SELECT coalesce(max(seq), 0) FROM audit_log').pluck().get() as number;
    const result = fn(w);
    const after = w.db.prepare('SELECT coalesce(max(seq), 0) FROM audit_log').pluck().get() as number;
    return result.outcome === 'unchanged' && after > before ? { ...result, outcome: 'updated' } : result;
  });
}

/** A new deal with its payments, checked by the rules (R12's open-license conflict among them) in the same transaction. */
export function createDeal(w: Writer, input: ParsedDeal, options: RecordOptions): Outcome {
  const deal = upsertDeal(w, input, options);
  createOnly(deal, 'contractNo', `合同编号 ${input.contractNo} 已录入，请在列表中打开该交易修改`);
  replaceDealPayments(w, deal.id, input.payments, input.confirmOverpayment ?? false);
  checkDealsAfterWrite(w, [deal.id]);
  return deal;
}

const page = (input: { cursor?: string | null; limit: number; direction: 'asc' | 'desc' }) => ({
  cursor: input.cursor,
  limit: input.limit,
  direction: input.direction,
});

/** Saves one record of the installation's region, by the signed-in user. */
type RegionalUpsert<I> = (w: Writer, input: I, options: RecordOptions) => Outcome;

/** Create of a record keyed by a business number: `taken` names the field and the message when it is already used. */
const createHandler =
  <I>(upsert: RegionalUpsert<I>, taken: (input: I) => [field: string, message: string]) =>
  (input: I, ctx: ServiceContext) => {
    const regionCode = installationRegion(ctx.store.db);
    return ctx.write((w) =>
      createOnly(upsert(w, input, { regionCode, actorId: ctx.requireActor().id }), ...taken(input)),
    );
  };

const updateHandler =
  <I>(upsert: RegionalUpsert<I>) =>
  (input: { id: string; record: I }, ctx: ServiceContext) => {
    const regionCode = installationRegion(ctx.store.db);
    return ctx.write((w) => upsert(w, input.record, { regionCode, id: input.id, actorId: ctx.requireActor().id }));
  };

const voidHandler = (entity: VoidableEntity) => (input: { id: string; reason: string }, ctx: ServiceContext) =>
  ctx.write((w) => voidRecord(w, entity, input.id, input.reason));

const restoreHandler = (entity: VoidableEntity) => (input: { id: string; version: number }, ctx: ServiceContext) =>
  ctx.write((w) => restoreRecord(w, entity, input.id, input.version));

export const recordHandlers = {
  'deals.create': (input, ctx) => {
    const regionCode = installationRegion(ctx.store.db);
    return saveWithSideChanges(ctx, (w) => createDeal(w, input, { regionCode, actorId: ctx.requireActor().id }));
  },
  'deals.update': (input, ctx) => {
    const regionCode = installationRegion(ctx.store.db);
    return saveWithSideChanges(ctx, (w) => {
      const paymentChange = dealPaymentChange(w, input.id, input.record.payments);
      const deal = upsertDeal(w, input.record, {
        regionCode,
        id: input.id,
        actorId: ctx.requireActor().id,
        paymentChange,
      });
      replaceDealPayments(w, deal.id, input.record.payments, input.record.confirmOverpayment ?? false);
      checkDealsAfterWrite(w, [deal.id]);
      return deal;
    });
  },
  'deals.void': (input, ctx) =>
    ctx.write((w) => {
      const voided = voidRecord(w, 'deal', input.id, input.reason);
      checkDealsAfterWrite(w, [input.id]);
      return voided;
    }),
  'deals.restore': (input, ctx) =>
    ctx.write((w) => {
      const restored = restoreRecord(w, 'deal', input.id, input.version);
      checkDealsAfterWrite(w, [input.id]);
      return restored;
    }),
  'deals.get': (input, ctx) => ctx.read((dialect) => getDeal(input.id, dialect)),
  'deals.list': (input, ctx) => ctx.read((dialect) => listDeals(input, page(input), dialect)),

  'pledges.create': createHandler(upsertPledge, (input) => [
    'registrationNo',
    `质押登记号 ${input.registrationNo} 已录入，请在列表中打开修改`,
  ]),
  'pledges.update': updateHandler(upsertPledge),
  'pledges.void': voidHandler('pledge'),
  'pledges.restore': restoreHandler('pledge'),
  'pledges.get': (input, ctx) => ctx.read((dialect) => getPledge(input.id, dialect)),
  'pledges.list': (input, ctx) => ctx.read((dialect) => listPledges(input, page(input), dialect)),

  'registrations.create': createHandler(upsertRegistration, (input) => [
    'registrationNo',
    `备案号 ${input.registrationNo} 已录入，请在列表中打开修改`,
  ]),
  'registrations.update': updateHandler(upsertRegistration),
  'registrations.void': voidHandler('registration'),
  'registrations.restore': restoreHandler('registration'),
  'registrations.get': (input, ctx) => ctx.read((dialect) => getRegistration(input.id, dialect)),
  'registrations.list': (input, ctx) => ctx.read((dialect) => listRegistrations(input, page(input), dialect)),

  'figures.create': (input, ctx) =>
    ctx.write((w) =>
      createOnly(
        upsertEnterpriseFigures(w, input),
        'year',
        `该企业 ${input.year} 年度的数据已录入，请在列表中打开修改`,
      ),
    ),
  'figures.update': (input, ctx) => ctx.write((w) => upsertEnterpriseFigures(w, input.record, { id: input.id })),
  'figures.void': voidHandler('enterprise_figure'),
  'figures.restore': restoreHandler('enterprise_figure'),
  'figures.get': (input, ctx) => ctx.read((dialect) => getFigures(input.id, dialect)),
  'figures.list': (input, ctx) => ctx.read((dialect) => listFigures(input, page(input), dialect)),

  'subsidies.create': createHandler(upsertSubsidy, (input) => [
    'subsidyNo',
    `奖补编号 ${input.subsidyNo} 已录入，请在列表中打开修改`,
  ]),
  'subsidies.update': updateHandler(upsertSubsidy),
  'subsidies.void': voidHandler('subsidy'),
  'subsidies.restore': restoreHandler('subsidy'),
  'subsidies.get': (input, ctx) => ctx.read((dialect) => getSubsidy(input.id, dialect)),
  'subsidies.list': (input, ctx) => ctx.read((dialect) => listSubsidies(input, page(input), dialect)),
} satisfies Partial<HandlersOf<Methods>>;
