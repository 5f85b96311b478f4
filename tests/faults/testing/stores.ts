import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createService } from '../../../core/service/createService';
import type { DeskService } from '../../../core/service/dispatcher';
import type { Actor } from '../../../core/service/context';
import { licenseDeal } from '../../../core/filings/testing/sampleFilings';

export const ADMIN: Actor = { id: null, name: '故障测试', role: '管理员' };

/** A store set up for 太原市 in `dir`, with a few deals so that it spans many pages; left open. */
export async function populatedStore(dir: string, deals = 5): Promise<{ dbPath: string; service: DeskService }> {
  const dbPath = path.join(dir, 'desk.db');
  const service = createService(dbPath);
  const setup = await service.call(
    'system.setup',
    { regionCode: '140100', adminUsername: 'admin', adminDisplayName: '管理员甲', password: 'admin-pass-123' },
    { sessionKey: 's' },
  );
  if (!setup.ok) throw new Error(setup.error.message);
  for (let i = 0; i < deals; i++) {
    const saved = await service.call('deals.create', licenseDeal({ contractNo: `HT-FAULT-${i}` }), { actor: ADMIN });
    if (!saved.ok) throw new Error(saved.error.message);
  }
  return { dbPath, service };
}

/** A closed, fully checkpointed store file (no WAL beside it), as after a clean exit. */
export async function closedStore(dir: string, deals = 5): Promise<string> {
  const { dbPath, service } = await populatedStore(dir, deals);
  service.store.close();
  return dbPath;
}

export function fingerprint(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** The error a failed open throws, for assertions on its code and Chinese message. */
export function openFailure(dbPath: string): { code: string; message: string } {
  try {
    createService(dbPath).store.close();
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error(`the store at ${dbPath} opened, but it should not have`);
}
