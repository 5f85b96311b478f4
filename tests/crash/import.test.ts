import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { dealRows, workbookOf } from '../../core/importing/fixtures/generateRows';
import { importBytes } from '../../core/importing/testing';
import { createService } from '../../core/service/createService';
import { setUpStore } from '../testing/tempStore';
import { healthy, storeHealth } from './testing/consistency';
import { runAndKill } from './testing/killable';
import { contractNumbers, rowCounts } from './testing/snapshot';

// Issue 8: kill -9 in the middle of an import. An import is one transaction: after the crash the file's records are
// not there at all, the store is whole, and the same import can simply be run again.

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('kill -9 in the middle of an import', () => {
  it('leaves nothing of the file behind, and the store whole', async () => {
    const desk = await setUpStore('140100');
    await desk.call('settings.updateGeneral', { provinceEndpointUrl: '' }); // something committed before the import
    desk.service.store.close();
    dirs.push(desk.dir);
    const before = rowCounts(desk.dbPath);

    const { lines } = await runAndKill('importer.ts', [desk.dbPath, '1500'], (l) => l.includes('writing'));
    expect(lines).toContain('writing');
    expect(lines.some((l) => l.startsWith('done'))).toBe(false);

    expect(storeHealth(desk.dbPath)).toEqual(healthy());
    expect(rowCounts(desk.dbPath)).toEqual(before);
    expect(contractNumbers(desk.dbPath).filter((c) => c.startsWith('HT-IMPORT'))).toEqual([]);

    // Run again after the restart, the same file imports completely.
    const service = createService(desk.dbPath);
    try {
      const call: Parameters<typeof importBytes>[0] = async (method, input) => {
        const result = await service.call(method, input, { actor: desk.adminActor });
        if (!result.ok) throw new Error(result.error.message);
        return result.value as never;
      };
      const job = await importBytes(call, await workbookOf({ 交易: dealRows(1500, 2, 'HT-IMPORT') }));
      expect(job.state).toBe('已完成');
    } finally {
      service.store.close();
    }
    expect(contractNumbers(desk.dbPath).filter((c) => c.startsWith('HT-IMPORT'))).toHaveLength(1500);
    expect(storeHealth(desk.dbPath)).toEqual(healthy());
  });
});
