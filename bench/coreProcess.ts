// The core as the desktop app runs it, in a process of its own: opens the store named on the command line and serves
// a caseworker's day through the contract (first page of the deal list, the province dashboard, every region's
// evaluation sheet data, a full anomaly scan, a backup). Prints one JSON line: the resident set right after opening,
// the peak, and which calls ran. bench/memory.bench.ts reads it.
import { createService } from '../core/service/createService';
import type { Actor } from '../core/service/context';

const dbPath = process.argv[2]!;
const actor: Actor = { id: null, name: 'bench', role: '管理员' };
const mb = (kb: number) => Math.round((kb / 1024) * 10) / 10;

const service = createService(dbPath);
const openedMb = mb(process.resourceUsage().maxRSS);
const year = new Date().getFullYear() - 1;
const day: [string, unknown][] = [
  ['deals.list', {}],
  ['indicators.dashboard', { region: '140000', year }],
  ['indicators.evaluationAll', { year }],
  ['rules.scan', {}],
  ['backup.create', {}],
];
const ran: string[] = [];
const failed: string[] = [];
for (const [method, input] of day) {
  const result = await service.call(method, input, { actor });
  (result.ok ? ran : failed).push(result.ok ? method : `${method}: ${result.error.message}`);
}
service.store.close();
process.stdout.write(`${JSON.stringify({ openedMb, peakMb: mb(process.resourceUsage().maxRSS), ran, failed })}\n`);
