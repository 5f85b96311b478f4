// Printing the evaluation sheets: the renderer's print stylesheet leaves only the sheets in print media, so the
// current page is what is printed or saved as an A4 PDF. A small bridge of its own, apart from the service contract.
import type { Dialog, IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import fs from 'node:fs/promises';
import path from 'node:path';
import { PRINT_CHANNELS } from './printBridge';

/** A file name without folders or characters Windows refuses, ending in .pdf. */
export function safePdfName(name: unknown): string {
  const base =
    [...String(name ?? '')]
      .map((ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
      .join('')
      .trim()
      .slice(0, 120) || '成效评价表';
  return base.toLowerCase().endsWith('.pdf') ? base : `${base}.pdf`;
}

function pdfOf(contents: WebContents): Promise<Buffer> {
  return contents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
}

/**
 * Main side. `trusted` says whether a call comes from our own page. Sheets are written only where the user said so:
 * a file chosen in the save dialog, or a folder chosen in the folder dialog during this run — never a folder a page
 * merely names.
 */
export function registerPrintHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>,
  trusted: (event: IpcMainInvokeEvent) => boolean,
): void {
  const refused = { ok: false, message: '拒绝来自未知页面的请求' };
  const chosenFolders = new Set<string>();
  ipcMain.handle(PRINT_CHANNELS.print, (event) => {
    if (!trusted(event)) return refused;
    return new Promise((resolve) => {
      event.sender.print({ printBackground: true }, (ok, reason) =>
        resolve(ok ? { ok } : { ok, message: reason === 'cancelled' ? '已取消打印' : `打印失败：${reason}` }),
      );
    });
  });
  ipcMain.handle(PRINT_CHANNELS.saveAsPdf, async (event, suggestedName: unknown) => {
    if (!trusted(event)) return refused;
    const choice = await dialog.showSaveDialog({
      defaultPath: safePdfName(suggestedName),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (choice.canceled || !choice.filePath) return { ok: false, message: '已取消保存' };
    await fs.writeFile(choice.filePath, await pdfOf(event.sender));
    return { ok: true, path: choice.filePath };
  });
  ipcMain.handle(PRINT_CHANNELS.chooseFolder, async (event) => {
    if (!trusted(event)) return refused;
    const choice = await dialog.showOpenDialog({
      properties: ['openDirectory', 'createDirectory'],
      title: '选择保存评价表的文件夹',
    });
    if (choice.canceled || !choice.filePaths[0]) return { ok: false };
    chosenFolders.add(path.resolve(choice.filePaths[0]));
    return { ok: true, folder: choice.filePaths[0] };
  });
  ipcMain.handle(PRINT_CHANNELS.savePdfInFolder, async (event, folder: unknown, fileName: unknown) => {
    if (!trusted(event)) return refused;
    if (typeof folder !== 'string' || !path.isAbsolute(folder) || !chosenFolders.has(path.resolve(folder))) {
      return { ok: false, message: '只能保存到您在对话框中选择的文件夹，请重新选择文件夹' };
    }
    const file = path.join(folder, safePdfName(fileName));
    await fs.writeFile(file, await pdfOf(event.sender));
    return { ok: true, path: file };
  });
}
