import type { Command } from 'commander';
import { seedStore } from '../../core/seed/seedStore';
import { readInstallation } from '../../core/system/installation';
import { cliActor, CliFailure, globalOptions, withCliService } from '../context';
import { nonNegativeInt } from '../integerOption';

export function registerSeedCommand(program: Command): void {
  program
    .command('seed')
    .description(
      '向空数据库写入确定性的合成数据（12 个地区、14 个产业：交易、专利、到账、质押、产品备案、企业年度数据、奖补），供试用和性能测试。' +
        '种子数据不写入上报队列（outbox），不会同步到省级；审计日志只记一条汇总。',
    )
    .option('--deals <n>', '交易笔数', '10000')
    .option('--seed <s>', '随机种子：同一种子生成完全相同的数据', '1')
    .action((options: { deals: string; seed: string }, command: Command) => {
      const global = globalOptions(command);
      const deals = nonNegativeInt('--deals ', options.deals);
      const seed = nonNegativeInt('--seed ', options.seed);
      return withCliService(global, (service) => {
        if (!readInstallation(service.store.db)) throw new CliFailure('数据库尚未初始化，请先运行 patent-desk init');
        const db = service.store.db;
        // Bulk load: the data is synthetic and reproducible, so a crash mid-seed costs a re-run, not data.
        db.pragma('synchronous = OFF');
        db.pragma('cache_size = -262144');
        const started = Date.now();
        const summary = seedStore(db, cliActor(global), {
          deals,
          seed,
          onProgress: (done) => process.stderr.write(`\r已生成 ${done} / ${deals} 笔交易`),
        });
        db.pragma('synchronous = FULL');
        db.pragma('optimize');
        process.stderr.write('\n');
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        process.stdout.write(
          `已写入种子数据（种子 ${seed}，用时 ${seconds} 秒）：单位 ${summary.organizations}，专利 ${summary.patents}，交易 ${summary.deals}，` +
            `到账 ${summary.payments}，质押 ${summary.pledges}，产品备案 ${summary.registrations}，企业年度数据 ${summary.enterpriseFigures}，奖补 ${summary.subsidies}\n`,
        );
      });
    });
}
