import type { indicatorsMethods } from '../../shared/contract/indicators';
import type { TargetRow } from '../../shared/contract/indicators';
import { CITY_REGIONS, PROVINCE_CODE } from '../../shared/domain/regions';
import { todayIso } from '../../shared/domain/dates';
import { publishTargets } from '../province/targets/publishTargets';
import type { ProvinceWriter } from '../province/store/provinceWriter';
import type { HandlersOf, ServiceContext } from '../service/context';
import { readInstallationOn } from '../system/installation';
import { DeskError } from '../service/errors';
import { listCountedDeals } from './countedDeals';
import { computeDashboard } from './dashboard';
import { computeEvaluation } from './evaluation';
import { provinceIndicatorReport } from '../province/store/provinceReport';
import { readScoring, writeScoring } from './scoringStore';
import { readTargetsOn, saveTargets } from './targetsStore';
import { tableWorkbook } from './tableXlsx';
import { parseTargetsWorkbook, targetsWorkbook } from './targetsXlsx';

const targetsView = (ctx: ServiceContext) => readTargetsOn(ctx.province);

/** On the province's workbench, the cities' targets just saved go out to those cities (目标下达). */
async function sendIfProvince(w: ProvinceWriter, targets: readonly TargetRow[]): Promise<void> {
  if ((await readInstallationOn(w.tx))?.regionCode === PROVINCE_CODE)
    await publishTargets(
      w,
      targets.map((t) => t.regionCode),
    );
}

export const indicatorsHandlers = {
  'indicators.report': (input, ctx) => provinceIndicatorReport(ctx.province, input.region, input.year),

  'indicators.dashboard': (input, ctx) => computeDashboard(ctx.province, input.region, input.year),

  'indicators.evaluation': (input, ctx) =>
    computeEvaluation(ctx.province, input.region, input.year, todayIso(ctx.now())),

  'indicators.evaluationAll': async (input, ctx) => {
    const sheets = [];
    for (const r of CITY_REGIONS)
      sheets.push(await computeEvaluation(ctx.province, r.code, input.year, todayIso(ctx.now())));
    return sheets;
  },

  'indicators.deals': (input, ctx) => listCountedDeals(ctx.province, input),

  'indicators.exportTable': async (input) => ({
    fileName: `${input.title}.xlsx`,
    contentBase64: (await tableWorkbook(input.title, input.headers, input.rows)).toString('base64'),
  }),

  'targets.get': (_input, ctx) => targetsView(ctx),

  'targets.save': async (input, ctx) => {
    for (const [i, t] of input.targets.entries()) {
      if (t.yearTo < t.yearFrom) {
        throw new DeskError('VALIDATION', `第 ${i + 1} 条目标：截止年度不能早于起始年度`, {
          field: `targets.${i}.yearTo`,
        });
      }
    }
    const actor = ctx.requireActor();
    await ctx.writeProvince(async (w) => {
      await saveTargets(w, actor.name, input.targets, input.baselines);
      await sendIfProvince(w, input.targets);
    });
    return targetsView(ctx);
  },

  'targets.import': async (input, ctx) => {
    const parsed = await parseTargetsWorkbook(Buffer.from(input.contentBase64, 'base64'));
    const summary = { targets: parsed.targets.length, baselines: parsed.baselines.length, rejected: parsed.rejected };
    if (parsed.rejected.length > 0 || input.dryRun) return { ...summary, written: false };
    const actor = ctx.requireActor();
    await ctx.writeProvince(async (w) => {
      await saveTargets(w, actor.name, parsed.targets, parsed.baselines);
      await sendIfProvince(w, parsed.targets);
      await w.record({
        action: 'targets.import',
        entity: 'region_target',
        entityId: null,
        detail: { fileName: input.fileName, ...summary },
      });
    });
    return { ...summary, written: true };
  },

  'targets.template': async (_input, ctx) => {
    const { targets, baselines } = await targetsView(ctx);
    const content = await targetsWorkbook(targets, baselines);
    return { fileName: '目标与基期.xlsx', contentBase64: content.toString('base64') };
  },

  'scoring.get': (_input, ctx) => readScoring(ctx.province),

  'scoring.update': async (input, ctx) => {
    const actor = ctx.requireActor();
    const version = await ctx.writeProvince((w) => writeScoring(w, input, actor.name));
    return { scheme: input, version };
  },
} satisfies HandlersOf<typeof indicatorsMethods>;
