import type { Command } from 'commander';
import { ruleLabel } from '../../shared/rules/catalog';
import { isRuleId, RULE_IDS, type RuleId } from '../../shared/rules/ruleIds';
import { callCore, CliFailure, globalOptions, withCliService } from '../context';
import { printOut } from '../terminal';

function parseRuleList(value: string | undefined): RuleId[] | undefined {
  if (value === undefined) return undefined;
  const ids = value
    .split(/[,，\s]+/)
    .map((v) => v.trim().toUpperCase())
    .filter(Boolean);
  const unknown = ids.filter((id) => !isRuleId(id));
  if (ids.length === 0 || unknown.length > 0) {
    throw new CliFailure(`--rules 中有未知的规则编号：${unknown.join('、') || '（空）'}。可用：${RULE_IDS.join(',')}`);
  }
  return [...new Set(ids)] as RuleId[];
}

export function registerScanCommand(program: Command): void {
  program
    .command('scan')
    .description('全面扫描异常交易（规则 R01–R12），保存到异常审核队列并列出发现的异常')
    .option('--rules <ids>', '只运行这些规则，逗号分隔，如 R01,R05')
    .option(
      '--json',
      '以 JSON 输出：{"flags": [{rule, region, contracts, pledges, subsidies, deals, explanation, evidence}]}',
    )
    .action(async (options: { rules?: string; json?: boolean }, command: Command) => {
      const global = globalOptions(command);
      const ruleIds = parseRuleList(options.rules);
      await withCliService(global, async (service) => {
        const { flags, summary } = await callCore(service, global, 'rules.scan', { ruleIds });
        if (options.json) {
          printOut(`${JSON.stringify({ flags })}\n`);
          return;
        }
        for (const f of flags) {
          const numbers = [...f.contracts, ...f.pledges, ...f.subsidies].join('、');
          printOut(`${ruleLabel(f.rule)}  ${f.region}  ${numbers}\n  ${f.explanation}\n`);
        }
        printOut(
          `扫描完成：发现 ${summary.found} 条异常（新增 ${summary.created}，重新出现 ${summary.reactivated}，已不再命中 ${summary.deactivated}）。请在“异常审核”中处理。\n`,
        );
      });
    });
}
