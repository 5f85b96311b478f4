import type { Command } from 'commander';
import { callCore, CliFailure, globalOptions, withCliService } from '../context';
import { readPassword } from '../prompt';
import { printOut } from '../terminal';

export function registerInitCommand(program: Command): void {
  program
    .command('init')
    .description('新建本机数据库：设置本机所属地区和第一位管理员（密码取自 PATENT_DESK_PASSWORD 或交互输入）')
    .requiredOption('--region <code>', '地区代码：地市（如 140100）、综改区 140171，或省级 140000')
    .requiredOption('--admin <name>', '管理员用户名')
    .option('--display-name <name>', '管理员姓名（默认同用户名）')
    .action(async (options: { region: string; admin: string; displayName?: string }, command: Command) => {
      const global = globalOptions(command);
      const password = process.env.PATENT_DESK_PASSWORD ?? (await readPassword('管理员密码（至少 8 位）：'));
      if (!password) throw new CliFailure('未提供管理员密码：请设置环境变量 PATENT_DESK_PASSWORD 或在提示时输入');
      await withCliService(
        global,
        async (service) => {
          const admin = await callCore(service, global, 'system.setup', {
            regionCode: options.region,
            adminUsername: options.admin,
            adminDisplayName: options.displayName ?? options.admin,
            password,
          });
          const status = await callCore(service, global, 'system.status', {});
          printOut(
            `已新建数据库：${service.store.path}\n地区：${status.region?.name}（${status.region?.code}）\n管理员：${admin.username}\n`,
          );
        },
        false,
      );
    });
}
