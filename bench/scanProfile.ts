// `npx tsx bench/scanProfile.ts [STORE] [COPY]`: where the full scan's time goes — each rule's run and the storing of
// the flags, wall and CPU milliseconds, three times on a private copy of a seeded store (default: the 100,000-deal
// store of `npm run bench`). The first time creates the flags; the others are rescans, as in the bench figure. CPU
// time stays comparable when other work shares the machine; wall time is what DESIGN §7 budgets. Not part of the bench.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { todayIso } from '../shared/domain/dates';
import { RULE_IDS } from '../shared/rules/ruleIds';
import { scanRules } from '../core/rules/engine';
import { persistFlags } from '../core/rules/persistFlags';
import { createWriter } from '../core/service/context';
import { openStore } from '../core/store/store';
import type { FlagCandidate } from '../core/rules/types';

const src = process.argv[2] ?? 'bench/.work/seed-100000.db';
const copy = process.argv[3] ?? path.join(os.tmpdir(), `scan-profile-${process.pid}.db`);
fs.copyFileSync(src, copy);
for (const ext of ['-wal', '-shm']) fs.rmSync(copy + ext, { force: true });
const store = openStore(copy, { mustExist: true });
const asOf = todayIso();
const actor = { id: null, name: 'bench', role: '管理员' as const };
const start = () => ({ t: process.hrtime.bigint(), c: process.cpuUsage() });
const took = (s: ReturnType<typeof start>) => {
  const c = process.cpuUsage(s.c);
  return `${(Number(process.hrtime.bigint() - s.t) / 1e6).toFixed(0)}/${((c.user + c.system) / 1000).toFixed(0)}ms`;
};
for (let round = 0; round < 3; round++) {
  const shared = new Map<string, unknown>();
  const all: FlagCandidate[] = [];
  const parts: string[] = [];
  const t0 = start();
  for (const id of RULE_IDS) {
    const t = start();
    const found = scanRules(store.db, { asOf, ruleIds: [id], shared });
    for (const c of found) all.push(c);
    parts.push(`${id} ${took(t)} ${found.length}`);
  }
  const tp = start();
  const summary = store.transaction((db) =>
    persistFlags(createWriter(db, actor, new Date().toISOString()), all, { source: '本地' }),
  );
  parts.push(`persist ${took(tp)} ${JSON.stringify(summary)}`);
  console.log(
    `round ${round}: wall/cpu ${took(t0)} rss ${(process.memoryUsage().rss / 1e6).toFixed(0)}MB\n  ${parts.join('\n  ')}`,
  );
}
store.close();
for (const ext of ['', '-wal', '-shm']) fs.rmSync(copy + ext, { force: true });
