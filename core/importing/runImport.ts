/**
 * One import of one file, start to end: read (streamed, cancellable, with progress), assemble records, write them
 * through the filings functions in ONE transaction with the anomaly checks of the touched deals, and report.
 * All or nothing by default: any refused row rolls the whole transaction back. `validOnly` keeps the good records;
 * `dryRun` always rolls back, so the report says what would happen and the store stays as it was.
 */
import { createHash } from 'node:crypto';
import { IMPORT_SHEETS, type ImportCounts, type ImportReport, type RejectedRow } from '../../shared/contract/importing';
import type { ServiceContext } from '../service/context';
import { DeskError } from '../service/errors';
import { withDeferredDealFacts } from '../indicators/deferredFacts';
import { checkDealsAfterWrite } from '../rules/incremental';
import { withPageCache } from '../store/pageCache';
import { readInstallation } from '../system/installation';
import { assemble } from './assemble';
import { ImportCancelled } from './fileErrors';
import { readImportFile, type ReadHooks } from './readImportFile';
import { writeRecords, type Outcome } from './writeRecords';

export interface ImportOptions {
  fileName: string;
  validOnly: boolean;
  dryRun: boolean;
}

export interface ImportHooks extends ReadHooks {
  onWriting?: () => void;
}

/** The import's page cache: its writes touch every deal index at random places (DESIGN §7 leaves room for it). */
const IMPORT_PAGE_CACHE_MB = 64;

/** Thrown inside the transaction to undo it: a dry run, or an all-or-nothing import with refused rows. */
class RollBack extends Error {}

function emptyCounts(): ImportCounts {
  return { new: 0, updated: 0, unchanged: 0, rejected: 0 };
}

/** In template sheet order, then by row, so the report reads like the file. */
function sortRejected(rows: RejectedRow[]): RejectedRow[] {
  const order = (sheet: string) => {
    const i = (IMPORT_SHEETS as readonly string[]).indexOf(sheet);
    return i < 0 ? IMPORT_SHEETS.length : i;
  };
  return rows.sort((a, b) => order(a.sheet) - order(b.sheet) || a.sheet.localeCompare(b.sheet) || a.row - b.row);
}

export async function runImport(
  ctx: ServiceContext,
  bytes: Buffer,
  options: ImportOptions,
  hooks: ImportHooks = {},
): Promise<ImportReport> {
  const installation = readInstallation(ctx.store.db);
  if (!installation) throw new DeskError('NOT_SET_UP', '本机尚未完成初始设置，不能导入');
  const read = await readImportFile(bytes, hooks);
  if (hooks.isCancelled?.()) throw new ImportCancelled();

  const badRows = new Map<string, Set<number>>();
  for (const r of read.rejected) {
    const set = badRows.get(r.sheet) ?? new Set<number>();
    set.add(r.row);
    badRows.set(r.sheet, set);
  }
  const assembled = assemble(read.parts, badRows, options.validOnly);
  hooks.onWriting?.();

  const actor = ctx.requireActor();
  const sheets: Record<string, ImportCounts> = {};
  const countsOf = (sheet: string) => (sheets[sheet] ??= emptyCounts());
  for (const part of read.parts) countsOf(part.sheet);
  let rejected: RejectedRow[] = [...read.rejected, ...assembled.rejected];
  let written = false;
  const outcomes: { sheet: string; outcome: Outcome }[] = [];

  try {
    withPageCache(ctx.store.db, IMPORT_PAGE_CACHE_MB, () =>
      ctx.write((w) => {
        // The deals' indicator facts are rebuilt once for the whole file, not deal by deal (migration 13).
        const result = withDeferredDealFacts(w.db, () =>
          writeRecords(
            w,
            assembled.records,
            { regionCode: installation.regionCode, actorId: actor.id },
            options.validOnly,
          ),
        );
        rejected = [...rejected, ...result.rejected];
        for (const [source, outcome] of result.outcomes) outcomes.push({ sheet: source.sheetName, outcome });
        if (options.dryRun || (!options.validOnly && rejected.length > 0)) throw new RollBack();
        checkDealsAfterWrite(w, result.touchedDealIds);
        const total = (o: Outcome) => outcomes.filter((x) => x.outcome === o).length;
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
            rejectedRows: new Set(rejected.map((r) => `${r.sheet}|${r.row}`)).size,
          },
        });
        written = true;
      }),
    );
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }

  // A refused all-or-nothing import wrote nothing, so it reports nothing as new; a dry run reports what would be.
  if (written || options.dryRun) for (const { sheet, outcome } of outcomes) countsOf(sheet)[outcome]++;
  const rejectedRows = new Map<string, Set<number>>();
  for (const r of rejected) {
    const set = rejectedRows.get(r.sheet) ?? new Set<number>();
    set.add(r.row);
    rejectedRows.set(r.sheet, set);
  }
  for (const [sheet, rows] of rejectedRows) countsOf(sheet).rejected = rows.size;
  const sum = (key: Exclude<keyof ImportCounts, 'rejected'>) => Object.values(sheets).reduce((n, c) => n + c[key], 0);
  return {
    new: sum('new'),
    updated: sum('updated'),
    unchanged: sum('unchanged'),
    rejected: sortRejected(rejected),
    sheets,
    written,
    dryRun: options.dryRun,
    validOnly: options.validOnly,
    rowsRead: read.rowsRead,
    fileName: options.fileName,
  };
}
