import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dealRows, writeLargeWorkbook } from '../../core/importing/fixtures/generateRows';
import { setUpStore } from '../testing/tempStore';
import { healthy, storeHealth } from './testing/consistency';
import { runAndKill } from './testing/killable';
import { contractNumbers, rowCounts } from './testing/snapshot';

// Issue 12: a 50,000-row import (25,000 deals of two patents) is written in steps of one open transaction. Killed
// with SIGKILL at a random point of its writing, or once only the checks and the commit are left, it leaves all of
// the file or nothing of it, and a whole store.

const DEALS = 25_000;
const ROWS = DEALS * 2;
let dir = '';
let file = '';

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'import-kill-'));
  file = path.join(dir, '交易.xlsx');
  await writeLargeWorkbook(file, '交易', dealRows(DEALS, 2, 'HT-IMPORT'));
}, 300_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const written = (lines: string[]) =>
  Math.max(0, ...lines.filter((l) => l.startsWith('written ')).map((l) => Number(l.slice(8))));

// Two random points of the writing (logged, so a failure can be replayed), and the moment before the commit.
const fractions = [Math.random() * 0.9, Math.random() * 0.9].map((f) => Math.round(f * 1000) / 1000);
const KILL_POINTS: [string, (lines: string[]) => boolean][] = [
  ...fractions.map((f): [string, (lines: string[]) => boolean] => [
    `after ${Math.round(f * 100)} % of the rows are written`,
    (lines) => lines.includes('writing') && written(lines) >= f * ROWS,
  ]),
  ['when only the checks and the commit are left', (lines) => lines.includes('finishing')],
];

describe('kill -9 anywhere in a 50,000-row import', () => {
  for (const [when, killWhen] of KILL_POINTS) {
    it(`leaves nothing of the file when killed ${when}`, async () => {
      const desk = await setUpStore('140100');
      desk.service.store.close();
      try {
        const before = rowCounts(desk.dbPath);
        const { lines } = await runAndKill('importer.ts', [desk.dbPath, file], killWhen, 600_000);
        expect(lines.some((l) => l.startsWith('done'))).toBe(false);
        expect(storeHealth(desk.dbPath)).toEqual(healthy());
        expect(rowCounts(desk.dbPath)).toEqual(before);
        expect(contractNumbers(desk.dbPath).filter((c) => c.startsWith('HT-IMPORT'))).toEqual([]);
      } finally {
        fs.rmSync(desk.dir, { recursive: true, force: true });
      }
    }, 900_000);
  }
});
