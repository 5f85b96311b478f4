import type { PrintBridge } from '../../../shared/contract/indicators';

declare global {
  interface Window {
    /** Present in the desktop app (preload, electron/printBridge.ts); absent in browser mode. */
    deskPrint?: PrintBridge;
  }
}

/** Waits until React has painted what was just set (two animation frames). */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

/** The system print dialog; in browser mode Chromium's, which can also save as PDF. */
export async function printSheets(): Promise<string | null> {
  if (window.deskPrint) {
    const result = await window.deskPrint.print();
    return result.ok ? null : (result.message ?? '打印未完成');
  }
  window.print();
  return null;
}

/** Saves what is shown for print as an A4 PDF. Browser mode: Chromium's print dialog, destination “另存为 PDF”. */
export async function saveSheetsAsPdf(suggestedName: string): Promise<string> {
  if (window.deskPrint) {
    const result = await window.deskPrint.saveAsPdf(suggestedName);
    return result.ok ? `已保存：${result.path}` : (result.message ?? '未保存');
  }
  window.print();
  return '请在打印对话框中选择“另存为 PDF”';
}

/**
 * One PDF per sheet. The desktop app asks for a folder once and writes each file; browser mode opens the print
 * dialog once per sheet. `show` puts one sheet on the print page and resolves once it is painted.
 */
export async function saveEachAsPdf(names: string[], show: (index: number) => Promise<void>): Promise<string> {
  if (window.deskPrint) {
    const folder = await window.deskPrint.chooseFolder();
    if (!folder.ok || !folder.folder) return '已取消';
    for (const [index, name] of names.entries()) {
      await show(index);
      const saved = await window.deskPrint.savePdfInFolder(folder.folder, name);
      if (!saved.ok) return saved.message ?? `保存 ${name} 失败`;
    }
    return `已保存 ${names.length} 个文件到 ${folder.folder}`;
  }
  for (const index of names.keys()) {
    await show(index);
    window.print();
  }
  return `已为 ${names.length} 个地区依次打开打印对话框`;
}

export const sheetFileName = (regionName: string, year: number) => `${regionName}${year}年度成效评价表.pdf`;
