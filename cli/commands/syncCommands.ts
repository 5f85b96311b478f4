import type { Command } from 'commander';
import { registerExportBatchCommand } from './exportBatch';
import { registerKeyCommand } from './key';
import { registerProvinceCommands } from './province';
import { registerSyncCommand } from './sync';

/** key, sync, export-batch and province serve/enroll/ingest (DESIGN §3a). */
export function registerSyncCommands(program: Command): void {
  registerKeyCommand(program);
  registerSyncCommand(program);
  registerExportBatchCommand(program);
  registerProvinceCommands(program);
}
