// `npx tsx bench/cpuProfileTop.ts FILE.cpuprofile [N]`: the N functions (default 25) with the most self time in a
// V8 CPU profile (`node --cpu-prof`), and the inclusive time of the functions that say which part of the import a
// sample belongs to. Self time of a better-sqlite3 method (`run`, `get`, `all`) is SQLite's own work for it.
import fs from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const file = process.argv[2];
if (!file) throw new Error('usage: tsx bench/cpuProfileTop.ts FILE.cpuprofile [N]');
const top = Number(process.argv[3] ?? 25);
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// No line numbers: tsx compiles each TypeScript file to one line, so they would all read 1.
const label = (n: ProfileNode) => {
  const { functionName, url } = n.callFrame;
  const where = url ? path.relative(process.cwd(), url.replace(/^file:\/\//, '')) : '';
  return `${functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
};

// The parts of the import, by the function a sample runs under (the innermost one that matches wins).
const PARTS: [string, RegExp][] = [
  ['reading the file (readImportFile)', /^readImportFile$/],
  ['staging rows (StagedRows.add/flush)', /^(add|flush)$/],
  ['writing the records (writeRecords)', /^writeRecords$/],
  ['· audit + outbox (recordChange)', /^recordChange$/],
  ['· parties (resolveParty)', /^resolveParty$/],
  ['· patents (upsertPatents)', /^upsertPatents$/],
  ['· finding deals for payments, subsidies (dealIdOf)', /^dealIdOf$/],
  ['indicator facts and search indexes, set-based at the end (endDeferral)', /^endDeferral$/],
  ['anomaly checks (checkDealsAfterWrite)', /^checkDealsAfterWrite$/],
  ['garbage collection', /^\(garbage collector\)$/],
];

const self = new Map<string, number>();
const inclusive = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = (profile.timeDeltas[i] ?? 0) / 1000;
  total += dt;
  const node = byId.get(id);
  if (!node) return;
  self.set(label(node), (self.get(label(node)) ?? 0) + dt);
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const name = byId.get(at)?.callFrame.functionName ?? '';
    for (const [part, pattern] of PARTS) {
      if (!seen.has(part) && pattern.test(name)) {
        seen.add(part);
        inclusive.set(part, (inclusive.get(part) ?? 0) + dt);
      }
    }
  }
});

const pct = (ms: number) => `${((ms / total) * 100).toFixed(1)} %`;
const lines = [
  `profile: ${(total / 1000).toFixed(1)} s sampled`,
  '',
  '| function (self time) | ms | share |',
  '| --- | --- | --- |',
];
for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  lines.push(`| \`${name}\` | ${ms.toFixed(0)} | ${pct(ms)} |`);
}
lines.push('', '| part (inclusive) | ms | share |', '| --- | --- | --- |');
for (const [part] of PARTS) {
  const ms = inclusive.get(part) ?? 0;
  if (ms > 0) lines.push(`| ${part} | ${ms.toFixed(0)} | ${pct(ms)} |`);
}
process.stdout.write(`${lines.join('\n')}\n`);
