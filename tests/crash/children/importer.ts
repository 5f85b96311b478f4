// Imports a generated workbook of N deals (2 patents each) into the store named on the command line, printing
// `writing` the moment the import enters its one write transaction and `done` if that transaction ever commits.
// The test kills it with SIGKILL on `writing`.
import fs from 'node:fs';
import path from 'node:path';
import { workbookOf, dealRows } from '../../../core/importing/fixtures/generateRows';
import { runImport } from '../../../core/importing/runImport';
import { createWriter, type Actor, type ServiceContext } from '../../../core/service/context';
import { openStore } from '../../../core/store/store';

const [dbPath, dealsArg] = process.argv.slice(2);
const actor: Actor = { id: null, name: '崩溃测试', role: '管理员' };
const say = (line: string) => fs.writeSync(1, `${line}\n`);

const bytes = await workbookOf({ 交易: dealRows(Number(dealsArg), 2, 'HT-IMPORT') });
const store = openStore(dbPath!, { mustExist: true });
// The context the dispatcher gives a handler, built by hand so that the test can see the write phase begin.
const ctx: ServiceContext = {
  store,
  options: { appVersion: 'crash-test', dataDir: path.dirname(dbPath!) },
  actor,
  sessionKey: 'crash-test',
  now: () => new Date(),
  setSessionUser: () => {},
  requireActor: () => actor,
  write: (fn) => store.transaction((db) => fn(createWriter(db, actor, new Date().toISOString()))),
};
say('reading');
const report = await runImport(ctx, bytes, { fileName: '崩溃测试.xlsx', validOnly: false, dryRun: false }, { onWriting: () => say('writing') });
say(`done ${report.new}`);
