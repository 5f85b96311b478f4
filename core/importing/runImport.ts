/**
 * One import of one file, start to end: read (streamed, cancellable, with progress), assemble records, write them
 * through the filings functions in ONE transaction with the anomaly checks of the touched deals, and report.
 * All or nothing by default: any refused row rolls the whole transaction back. `validOnly` keeps the good records;
 * `dryRun` always rolls back, so the report says what would happen and the store stays as it was.
 */
import { createHash } from 'node:crypto';
import {
  REPORT_REJECTED_SHOWN,
  type ImportCounts,
  type ImportReport,
  type ImportSheet,
  type SheetProgress,
} from '../../shared/contract/importing';
import type { ServiceContext } from '../service/context';
import { DeskError } from '../service/errors';
import { deferDealFacts } from '../indicators/deferredFacts';
import { checkDealsAfterWrite } from '../rules/incremental';
import { startDeferral } from '../store/deferral';
import { enlargePageCache, keepTempFilesInMemory } from '../store/pageCache';
import { garbageAllowance } from '../system/garbage';
import { readInstallation } from '../system/installation';
import { assembleGroup, recordKeyOf, rowRuleProblems } from './assemble';
import { ImportCancelled } from './fileErrors';
import { readImportFile, type ReadHooks, type SheetPart } from './readImportFile';
import type { SourcedRecord } from './records';
import type { RejectedSpool } from './rejectedSpool';
import { StagedRows } from './stagedRows';
import { WRITE_ORDER, writeRecords, type Outcome } from './writeRecords';

export interface ImportOptions {
  fileName: string;
  validOnly: boolean;
  dryRun: boolean;
}

export interface ImportHooks extends Omit<ReadHooks, 'onRow' | 'onRejected'> {
  /** The file's checks are done and its first row is read. */
  onFirstRow?: () => void;
  onWriting?: () => void;
  /** The rows are written; the anomaly checks of the touched deals and the commit follow (no cancel from here). */
  onFinishing?: () => void;
  /** Rows read and written per sheet, kept up to date by the import for whoever shows its progress. */
  sheets?: SheetProgress[];
}

/**
 * The import's page cache: its writes touch every deal index at random places. 32 MB took a 100,000-row sheet into
 * a store of 100,000 deals as fast as 64 MB did, and the cache counts in the core process's 400 MB (DESIGN §7).
 */
const IMPORT_PAGE_CACHE_MB = 32;
/** The garbage the import lets pile up before it collects (its live set is about 50 MB; see core/system/garbage). */
const GARBAGE_ALLOWANCE_MB = 48;
/** Rows read between two looks at the garbage. */
const ROWS_PER_GARBAGE_CHECK = 2_000;

/** Thrown inside the transaction to undo it: a dry run, or an all-or-nothing import with refused rows. */
class RollBack extends Error {}

function emptyCounts(): ImportCounts {
  return { new: 0, updated: 0, unchanged: 0, rejected: 0 };
}

/**
 * The refused rows go to `rejected` as they are found (the report carries the first of them; the rest are read back
 * a page at a time from the spool, which the caller owns and removes).
 */
export async function runImport(
  ctx: ServiceContext,
  bytes: Buffer,
  options: ImportOptions,
  rejected: RejectedSpool,
  hooks: ImportHooks = {},
): Promise<ImportReport> {
  const installation = readInstallation(ctx.store.db);
  if (!installation) throw new DeskError('NOT_SET_UP', '本机尚未完成初始设置，不能导入');
  const staged = new StagedRows();
  try {
    return await importStaged(ctx, bytes, options, hooks, staged, rejected, installation.regionCode);
  } finally {
    staged.drop();
  }
}

async function importStaged(
  ctx: ServiceContext,
  bytes: Buffer,
  options: ImportOptions,
  hooks: ImportHooks,
  staged: StagedRows,
  rejected: RejectedSpool,
  regionCode: string,
): Promise<ImportReport> {
  const partIndex = new Map<SheetPart, number>();
  const collectGarbageIfGrown = garbageAllowance(GARBAGE_ALLOWANCE_MB);
  let rowsRead = 0;
  const sheetsProgress = hooks.sheets ?? [];
  const progressOf = (sheet: string): SheetProgress => {
    let progress = sheetsProgress.find((p) => p.sheet === sheet);
    if (!progress) sheetsProgress.push((progress = { sheet, rowsRead: 0, rowsWritten: 0 }));
    return progress;
  };
  const read = await readImportFile(bytes, {
    ...hooks,
    // Each row goes to disk as it is read, with what its own cells and rules say of it; nothing of it stays here.
    onRejected: (r) => rejected.add(r),
    onRow: (part, row, problems) => {
      progressOf(part.sheet).rowsRead++;
      if (++rowsRead === 1) hooks.onFirstRow?.();
      if (rowsRead % ROWS_PER_GARBAGE_CHECK === 0) collectGarbageIfGrown();
      const rules = rowRuleProblems(part.spec, row);
      for (const p of rules) rejected.add({ sheet: part.sheet, row: row.rowNumber, ...p });
      if (!partIndex.has(part)) partIndex.set(part, partIndex.size);
      staged.add(partIndex.get(part) as number, recordKeyOf(part.spec, row), row, problems.length + rules.length > 0);
    },
  });
  staged.flush();
  if (hooks.isCancelled?.()) throw new ImportCancelled();
  hooks.onWriting?.();

  const actor = ctx.requireActor();
  const sheets: Record<string, ImportCounts> = {};
  const countsOf = (sheet: string) => (sheets[sheet] ??= emptyCounts());
  for (const part of read.parts) countsOf(part.sheet);
  // Kept aside until the transaction commits: a refused all-or-nothing import reports nothing as new.
  const outcomes: Record<string, Record<Outcome, number>> = {};
  const total = (o: Outcome) => Object.values(outcomes).reduce((n, c) => n + c[o], 0);
  let written = false;
  // Parts in the order their records must be written (figures before deals, deals before payments), stable.
  const writeOrder = read.parts
    .map((part) => ({ part, index: partIndex.get(part) ?? -1 }))
    .filter((p) => p.index >= 0)
    .sort((a, b) => WRITE_ORDER.indexOf(a.part.spec.name) - WRITE_ORDER.indexOf(b.part.spec.name));

  const restorePageCache = enlargePageCache(ctx.store.db, IMPORT_PAGE_CACHE_MB);
  const restoreTempStore = keepTempFilesInMemory(ctx.store.db);
  try {
    await ctx.writeInSteps(async (w) => {
      const touched = new Set<string>();
      // The deals' indicator facts (migration 13) and the search indexes (migration 24) are brought up to date once
      // for the whole file, set-based, not row by row.
      const endDeferrals = [deferDealFacts(w.db), startDeferral(w.db, 'search_deferral')];
      // The audit and outbox rows of a page go in together, many rows per INSERT (same rows, same order, same chain).
      const changes = w.batchChanges();
      try {
        for (const { part, index } of writeOrder) {
          const counts = (outcomes[part.sheet] ??= { new: 0, updated: 0, unchanged: 0 });
          for (const groups of staged.groups(index)) {
            const records: SourcedRecord<ImportSheet>[] = [];
            for (const group of groups) {
              const assembled = assembleGroup(part, group, options.validOnly);
              for (const r of assembled.rejected) rejected.add(r);
              for (const r of assembled.records) records.push(r);
            }
            const result = writeRecords(w, records, { regionCode, actorId: actor.id }, options.validOnly);
            for (const r of result.rejected) rejected.add(r);
            for (const outcome of result.outcomes.values()) counts[outcome]++;
            for (const id of result.touchedDealIds) touched.add(id);
            progressOf(part.sheet).rowsWritten += groups.reduce((n, g) => n + g.length, 0);
            changes.flush();
            collectGarbageIfGrown();
            // Between pages the transaction stays open while status polls and a cancel get through.
            await new Promise((resolve) => setImmediate(resolve));
            if (hooks.isCancelled?.()) throw new ImportCancelled();
          }
        }
      } finally {
        for (const end of endDeferrals) end();
      }
      if (options.dryRun || (!options.validOnly && rejected.count() > 0)) throw new RollBack();
      hooks.onFinishing?.();
      checkDealsAfterWrite(w, [...touched]);
      w.record({
        action: 'import.file',
        entity: 'import',
        entityId: null,
        detail: {
          fileName: options.fileName,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          validOnly: options.validOnly,
          new: total('new'),
          updated: total('updated'),
          unchanged: total('unchanged'),
          rejectedRows: [...rejected.rowsPerSheet().values()].reduce((n, rows) => n + rows, 0),
        },
      });
      changes.end();
      written = true;
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  } finally {
    restoreTempStore();
    restorePageCache();
  }

  // A refused all-or-nothing import wrote nothing, so it reports nothing as new; a dry run reports what would be.
  if (written || options.dryRun) {
    for (const [sheet, c] of Object.entries(outcomes)) Object.assign(countsOf(sheet), c);
  }
  for (const [sheet, rows] of rejected.rowsPerSheet()) countsOf(sheet).rejected = rows;
  const sum = (key: Exclude<keyof ImportCounts, 'rejected'>) => Object.values(sheets).reduce((n, c) => n + c[key], 0);
  return {
    new: sum('new'),
    updated: sum('updated'),
    unchanged: sum('unchanged'),
    rejected: rejected.page(0, REPORT_REJECTED_SHOWN),
    rejectedTotal: rejected.count(),
    sheets,
    written,
    dryRun: options.dryRun,
    validOnly: options.validOnly,
    rowsRead: read.rowsRead,
    fileName: options.fileName,
  };
}
