import type { Command } from 'commander';
import { verifyAuditChain } from '../../core/audit/auditLog';
import { openStore } from '../../core/store/store';
import { resolveDbPath } from '../../core/store/paths';
import { CliFailure, globalOptions } from '../context';

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('审计日志');
  audit
    .command('verify')
    .description('校验审计日志的哈希链：报告“完好”或第一处被改动的行')
    .action((_options: unknown, command: Command) => {
      const store = openStore(resolveDbPath(globalOptions(command).db), { mustExist: true });
      try {
        const result = verifyAuditChain(store.db);
        if (!result.ok) throw new CliFailure(`审计日志校验失败：${result.message}`);
        process.stdout.write(`审计日志完好：共 ${result.rows} 行，哈希链校验通过。\n`);
      } finally {
        store.close();
      }
    });
}
