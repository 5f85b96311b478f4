import type { Command } from 'commander';
import { buildSampleWorkbook, SAMPLE_DEALS } from '../../core/seed/sampleWorkbook';
import { nonNegativeInt } from '../integerOption';
import { writeOutputFile } from '../outputFile';

export function registerSampleCommand(program: Command): void {
  program
    .command('sample')
    .description(
      '生成一份已填好的示例导入工作簿（按导入模板：交易、到账、质押、产品备案、企业年度数据、奖补，12 个地区，2020—2023 年），' +
        '单元格按常见的填写习惯书写（全角数字、千分位、多余空格、各种日期写法、地区名称或代码）。同一种子生成相同内容；不需要数据库。',
    )
    .requiredOption('--out <file>', '示例工作簿保存路径')
    .option('--seed <s>', '随机种子：同一种子生成相同内容', '1')
    .option('--deals <n>', '交易笔数', String(SAMPLE_DEALS))
    .action(async (options: { out: string; seed: string; deals: string }) => {
      const seed = nonNegativeInt('--seed ', options.seed);
      const deals = nonNegativeInt('--deals ', options.deals);
      const sample = await buildSampleWorkbook({ seed, deals });
      writeOutputFile(options.out, sample.bytes, '示例工作簿');
      const r = sample.records;
      process.stdout.write(
        `已生成示例工作簿：${options.out}（种子 ${seed}）：交易 ${r.deals}，到账 ${r.payments}，质押 ${r.pledges}，` +
          `产品备案 ${r.registrations}，企业年度数据 ${r.enterpriseFigures}，奖补 ${r.subsidies}\n`,
      );
    });
}
