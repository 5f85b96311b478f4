// Imports a generated workbook of N deals (2 patents each), or the .xlsx file named, into the store named on the
// command line, printing `writing` the moment the import enters its one write transaction, `written N` as its rows
// are written, `finishing` when only the checks and the commit are left, and `done` if that transaction ever commits.
// The tests kill it with SIGKILL at one of those points.
import fs from 'node:fs';
import path from 'node:path';
import { workbookOf, dealRows } from '../../../core/importing/fixtures/generateRows';
import { runImport } from '../../../core/importing/runImport';
import { RejectedSpool } from '../../../core/importing/rejectedSpool';
import type { SheetProgress } from '../../../shared/contract/importing';
import { createWriter, type Actor, type ServiceContext } from '../../../core/service/context';
import { openStore } from '../../../core/store/store';
import { LoginThrottle } from '../../../core/auth/loginThrottle';
import { fileKeyVault, keyFilePath } from '../../../core/sync/keyVault';
import { sqliteProvinceDb } from '../../../core/province/store/sqliteProvinceDb';
import { writeProvince } from '../../../core/province/store/provinceWriter';
import { runPlan } from '../../../core/store/readPlan';

const [dbPath, dealsArg] = process.argv.slice(2);
const actor: Actor = { id: null, name: '崩溃测试', role: '管理员' };
const say = (line: string) => fs.writeSync(1, `${line}\n`);

const bytes = dealsArg!.endsWith('.xlsx')
  ? fs.readFileSync(dealsArg!)
  : await workbookOf({ 交易: dealRows(Number(dealsArg), 2, 'HT-IMPORT') });
const store = openStore(dbPath!, { mustExist: true });
const province = sqliteProvinceDb(store);
// The context the dispatcher gives a handler, built by hand so that the test can see the write phase begin.
const ctx: ServiceContext = {
  store,
  options: { appVersion: 'crash-test', dataDir: path.dirname(dbPath!), keyVault: fileKeyVault(keyFilePath(dbPath!)) },
  actor,
  sessionKey: 'crash-test',
  client: 'crash-test',
  now: () => new Date(),
  setSessionUser: async () => {},
  loginThrottle: new LoginThrottle(),
  requireActor: () => actor,
  write: (fn) => store.transaction((db) => fn(createWriter(db, actor, new Date().toISOString()))),
  writeInSteps: (fn) => store.transactionInSteps((db) => fn(createWriter(db, actor, new Date().toISOString()))),
  province,
  read: (plan) => runPlan(store.db, plan('sqlite')),
  writeProvince: (fn) => writeProvince(province, actor, new Date().toISOString(), fn),
};
say('reading');
const sheets: SheetProgress[] = [];
let lastWritten = -1;
const progress = setInterval(() => {
  const written = sheets.reduce((n, s) => n + s.rowsWritten, 0);
  if (written !== lastWritten) say(`written ${(lastWritten = written)}`);
}, 20);
const rejected = new RejectedSpool();
const report = await runImport(ctx, bytes, { fileName: '崩溃测试.xlsx', validOnly: false, dryRun: false }, rejected, {
  sheets,
  onWriting: () => say('writing'),
  onFinishing: () => say('finishing'),
});
clearInterval(progress);
rejected.remove();
say(`done ${report.new}`);
