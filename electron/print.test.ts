import type { Dialog, IpcMainInvokeEvent } from 'electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { registerPrintHandlers, safePdfName } from './print';
import { PRINT_CHANNELS } from './printBridge';

describe('the file name of a saved evaluation sheet', () => {
  it('keeps Chinese names and adds .pdf', () => {
    expect(safePdfName('太原市2022年度成效评价表')).toBe('太原市2022年度成效评价表.pdf');
  });
  it('never leaves a folder separator or a character Windows refuses', () => {
    expect(safePdfName('../太原/市:2022?')).toBe('.._太原_市_2022_.pdf');
  });
  it('falls back to a default name', () => {
    expect(safePdfName('   ')).toBe('成效评价表.pdf');
  });
});

describe('saving every sheet into a folder', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-print-'));
    dirs.push(dir);
    return dir;
  };

  /** The main side's handlers over a folder dialog that answers `picked`; calls come from our own page. */
  function printHandlers(picked: string) {
    const handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>();
    const dialog = {
      showOpenDialog: async () => ({ canceled: false, filePaths: [picked] }),
      showSaveDialog: async () => ({ canceled: true, filePath: '' }),
    } as unknown as Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
    registerPrintHandlers({ handle: (channel, handler) => void handlers.set(channel, handler) }, dialog, () => true);
    const event = {
      sender: { printToPDF: async () => Buffer.from('%PDF-1.7 评价表') },
    } as unknown as IpcMainInvokeEvent;
    return (channel: string, ...args: unknown[]) =>
      handlers.get(channel)!(event, ...args) as Promise<{ ok: boolean; path?: string; message?: string }>;
  }

  it('writes into the folder the user chose in the dialog', async () => {
    const chosen = tempDir();
    const call = printHandlers(chosen);
    expect(await call(PRINT_CHANNELS.chooseFolder)).toEqual({ ok: true, folder: chosen });
    const saved = await call(PRINT_CHANNELS.savePdfInFolder, chosen, '太原市成效评价表');
    expect(saved).toEqual({ ok: true, path: path.join(chosen, '太原市成效评价表.pdf') });
    expect(fs.readFileSync(saved.path!, 'utf8')).toBe('%PDF-1.7 评价表');
  });

  it('refuses a folder the page names without the user having chosen it, and writes nothing there', async () => {
    const chosen = tempDir();
    const elsewhere = tempDir();
    const call = printHandlers(chosen);
    await call(PRINT_CHANNELS.chooseFolder);
    const refused = await call(PRINT_CHANNELS.savePdfInFolder, elsewhere, 'autostart');
    expect(refused).toEqual({ ok: false, message: '只能保存到您在对话框中选择的文件夹，请重新选择文件夹' });
    expect(fs.readdirSync(elsewhere)).toEqual([]);
  });

  it('refuses any folder before one was chosen', async () => {
    const chosen = tempDir();
    const call = printHandlers(chosen);
    expect(await call(PRINT_CHANNELS.savePdfInFolder, chosen, '评价表')).toMatchObject({ ok: false });
    expect(fs.readdirSync(chosen)).toEqual([]);
  });
});
