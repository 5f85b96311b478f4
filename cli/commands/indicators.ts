import type { Command } from 'commander';
import type { IndicatorReport, IndicatorValue } from '../../shared/contract/indicators';
import { INDICATORS, INDICATOR_IDS } from '../../shared/indicators/ids';
import { formatFenAsWan } from '../../shared/domain/money';
import { PROVINCE, PROVINCE_CODE, regionName, resolveRegion } from '../../shared/domain/regions';
import { openProvinceDb, PROVINCE_URL_ENV } from '../../core/province/store/openProvinceDb';
import { provinceIndicatorReport } from '../../core/province/store/provinceReport';
import { callCore, CliFailure, globalOptions, withCliService } from '../context';
import { printOut } from '../terminal';

/** A region as typed: a code, or a name such as 太原、综改区、全省. */
function regionArgument(text: string): string {
  if (/^\d{6}$/.test(text)) return text;
  if (text === PROVINCE.name || text === PROVINCE.shortName || text === '全省') return PROVINCE_CODE;
  const region = resolveRegion(text);
  if (!region.ok || region.cityCode === null)
    throw new CliFailure(`无法识别的地区“${text}”：请填写地区代码（如 140100、140171、140000）或名称`);
  return region.cityCode;
}

function yearArgument(text: string): number {
  if (!/^\d{4}$/.test(text)) throw new CliFailure(`年度应为四位数字，当前为“${text}”`);
  return Number(text);
}

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

function shown(id: (typeof INDICATOR_IDS)[number], value: number | null): string {
  if (value === null) return '—';
  const kind = INDICATORS[id].kind;
  if (kind === 'rate') return percent(value);
  return kind === 'money' ? `${formatFenAsWan(value, 2, { thousands: true })} 万元` : `${value} ${INDICATORS[id].unit}`;
}

function table(region: string, year: number, indicators: Record<string, IndicatorValue>): string {
  const lines = [`${regionName(region) ?? region} ${year} 年度指标（累计为 2021 年至 ${year} 年）`];
  for (const id of INDICATOR_IDS) {
    const v = indicators[id]!;
    lines.push(
      `${id.padEnd(4)} ${INDICATORS[id].name}：本年 ${shown(id, v.year)}；累计 ${shown(id, v.cumulative)}；目标 ${shown(id, v.target)}；` +
        `完成率 ${percent(v.completion)}；同比 ${percent(v.yoy)}；年均增幅 ${percent(v.avgGrowth)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The report on the province's PostgreSQL database, computed from its records (no service, no session). */
async function reportOnPostgres(databaseUrl: string, region: string, year: number): Promise<IndicatorReport> {
  // A report reads: a database without a province store is refused, not given an empty one.
  const db = await openProvinceDb({ databaseUrl, mustExist: true });
  try {
    return await provinceIndicatorReport(db, region, year);
  } finally {
    await db.close();
  }
}

export function registerIndicatorsCommand(program: Command): void {
  program
    .command('indicators')
    .description('计算一个地区一个年度的成效评价指标（I1–I5a），累计为 2021 年至该年度')
    .requiredOption('--region <code>', '地区代码：11 个地市、综改区 140171，或全省 140000')
    .requiredOption('--year <year>', '年度，如 2022')
    .option(
      '--database-url <url>',
      `在省级 PostgreSQL 数据库上计算：postgres://用户@主机:端口/库名（也可用环境变量 ${PROVINCE_URL_ENV}；不指定则用 --db 的数据库）`,
    )
    .option('--json', '以 JSON 输出（金额单位为分，比率为小数）')
    .action(
      async (options: { region: string; year: string; json?: boolean; databaseUrl?: string }, command: Command) => {
        const global = globalOptions(command);
        const region = regionArgument(options.region);
        const year = yearArgument(options.year);
        if (options.databaseUrl && global.db)
          throw new CliFailure('请只指定一个数据库：--db（SQLite 文件）或 --database-url（PostgreSQL），不要同时指定');
        const databaseUrl = options.databaseUrl ?? (global.db ? undefined : process.env[PROVINCE_URL_ENV]);
        const report = databaseUrl
          ? await reportOnPostgres(databaseUrl, region, year)
          : await withCliService(global, (service) => callCore(service, global, 'indicators.report', { region, year }));
        printOut(
          options.json ? `${JSON.stringify(report, null, 2)}\n` : table(report.region, report.year, report.indicators),
        );
      },
    );
}
