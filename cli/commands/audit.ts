import type { Command } from 'commander';
import { verifyAuditChain, type LabelledAnchor } from '../../core/audit/auditLog';
import { fetchProvinceAnchors, localAnchors, provinceLabelled } from '../../core/sync/auditAnchors';
import { signingIdentity } from '../../core/sync/installationKey';
import { readSetting } from '../../core/system/settingsStore';
import { openStore, type Store } from '../../core/store/store';
import { resolveDbPath } from '../../core/store/paths';
import { generalSettings } from '../../shared/contract/system';
import type { HeldAnchor } from '../../shared/sync/auditAnchor';
import { cliActor, CliFailure, globalOptions, type GlobalOptions } from '../context';
import { printOut } from '../terminal';

interface VerifyOptions {
  againstProvince?: boolean;
  endpoint?: string;
}

/** What a verified chain does and does not show, in the caseworker's words. */
function verdict(rows: number, anchors: readonly LabelledAnchor[], againstProvince: boolean): string {
  const head = `审计日志完好：共 ${rows} 行，哈希链校验通过`;
  const anchored = Math.max(0, ...anchors.map((a) => a.rows));
  const whose = againstProvince ? '省级保存的' : '本机报送时记下的';
  if (anchored === 0) {
    return `${head}。\n尚无${whose}锚点：哈希链只说明各行前后衔接，整体改写并重算哈希的日志同样能通过；报送一次后即可核对。\n`;
  }
  const tail = rows - anchored;
  return (
    `${head}；第 1 至 ${anchored} 行与${whose} ${anchors.length} 个锚点一致。\n` +
    (tail > 0 ? `其后的 ${tail} 行尚未随批次报送，在下次报送前被改写或删除无法发现。\n` : '') +
    (againstProvince ? '' : '本机锚点与日志在同一文件中，可被一并改写；用 --against-province 与省级保存的锚点核对。\n')
  );
}

/** The province's copy of this installation's anchors, and the contradictions it recorded when they arrived. */
async function provinceCopy(
  store: Store,
  global: GlobalOptions,
  options: VerifyOptions,
): Promise<{ anchors: LabelledAnchor[]; problems: string[] }> {
  const endpoint = options.endpoint ?? readSetting(store.db, 'general', generalSettings).provinceEndpointUrl;
  if (!endpoint) throw new CliFailure('未指定省级接口地址：请用 --endpoint 指定，或在“设置 → 常规”中填写');
  let held: HeldAnchor[];
  try {
    held = await fetchProvinceAnchors(endpoint, await signingIdentity(store, cliActor(global)), {
      timeoutMs: 30_000,
      now: () => new Date(),
    });
  } catch (error) {
    throw new CliFailure((error as Error).message);
  }
  return {
    anchors: provinceLabelled(held),
    problems: held.flatMap((a) => (a.problem ? [`省级在收到批次 ${a.batchId} 时记下：${a.problem}`] : [])),
  };
}

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('审计日志');
  audit
    .command('verify')
    .description('校验审计日志的哈希链及已报送的锚点：报告“完好”或第一处被改写、被删除的行')
    .option('--against-province', '同时向省级读取其保存的本机锚点并核对（需要网络和已登记的公钥）')
    .option('--endpoint <url>', '省级接口地址（默认取“设置 → 常规”中的地址）')
    .action(async (options: VerifyOptions, command: Command) => {
      const global = globalOptions(command);
      const store = openStore(resolveDbPath(global.db), { mustExist: true });
      try {
        const local = localAnchors(store.db);
        const province = options.againstProvince ? await provinceCopy(store, global, options) : null;
        const result = verifyAuditChain(store.db, [...local, ...(province?.anchors ?? [])]);
        const notes = (province?.problems ?? []).map((p) => `${p}\n`).join('');
        if (!result.ok) throw new CliFailure(`审计日志校验失败：${result.message}\n${notes}`.trimEnd());
        printOut(verdict(result.rows, province?.anchors ?? local, province !== null) + notes);
        if (notes) throw new CliFailure('省级记录过本机审计日志锚点前后矛盾，请核实上述情况');
      } finally {
        store.close();
      }
    });
}
