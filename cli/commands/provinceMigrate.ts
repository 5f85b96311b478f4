import type { Command } from 'commander';
import { migrateFromSqlite, type MigrationReport } from '../../core/province/store/migrateFromSqlite';
import { PROVINCE_URL_ENV, redactedUrl } from '../../core/province/store/openProvinceDb';
import { CliFailure, globalOptions } from '../context';
import { printOut } from '../terminal';

/** The summary printed after a migration: table by table, then what was verified. */
export function migrationSummary(file: string, url: string, report: MigrationReport): string {
  const width = Math.max(...report.tables.map((t) => t.table.length), 4);
  const total = report.tables.reduce((sum, t) => sum + t.rows, 0);
  // '表名' is two characters wide twice over on a terminal: padded as four.
  const lines = [
    `已将省级数据库 ${file} 迁移到 PostgreSQL 数据库 ${redactedUrl(url)}`,
    `表名${' '.repeat(width - 4)}  行数`,
    ...report.tables.map((t) => `${t.table.padEnd(width)}  ${t.rows}`),
    `共 ${report.tables.length} 张表，${total} 行。`,
    `核对通过：两边各表行数一致，各表内容校验和一致；各地区各年度的交易、付款、质押、产品登记、奖补笔数与金额合计一致（共 ${report.regionYearGroups} 组）；` +
      `12 个地区各年度的成效评价指标 I1–I5a 一致（共 ${report.indicatorRegionYears} 个地区年度）。`,
  ];
  return `${lines.join('\n')}\n`;
}

export function registerMigrateCommand(province: Command): void {
  province
    .command('migrate-from-sqlite')
    .description(
      '把省级 SQLite 数据库（--db）整体迁移到一个空的 PostgreSQL 数据库：在一个事务内复制全部表，核对行数、内容校验和、各地区各年度合计与成效评价指标后才提交，任何不一致都会全部回滚；SQLite 文件不会被改动',
    )
    .option(
      '--database-url <url>',
      `目标 PostgreSQL 数据库地址 postgres://用户@主机:端口/库名（也可用环境变量 ${PROVINCE_URL_ENV}）；须为空数据库`,
    )
    .action(async (options: { databaseUrl?: string }, command: Command) => {
      const file = globalOptions(command).db;
      if (!file) throw new CliFailure('请用 --db 指定要迁移的省级 SQLite 数据库文件');
      const url = options.databaseUrl || process.env[PROVINCE_URL_ENV];
      if (!url)
        throw new CliFailure(`请用 --database-url（或环境变量 ${PROVINCE_URL_ENV}）指定要迁移到的 PostgreSQL 数据库`);
      const report = await migrateFromSqlite(file, url);
      printOut(migrationSummary(file, url, report));
    });
}
