// The preload half of printing (electron/print.ts is the main half): channel names and `window.deskPrint`.
// No Node modules here: the preload runs sandboxed.
import type { PrintBridge } from '../shared/contract/indicators';

export const PRINT_CHANNELS = {
  print: 'desk-print:print',
  saveAsPdf: 'desk-print:save-as-pdf',
  chooseFolder: 'desk-print:choose-folder',
  savePdfInFolder: 'desk-print:save-pdf-in-folder',
} as const;

/** Preload side: `window.deskPrint`. */
export function createPrintBridge(invoke: (channel: string, ...args: unknown[]) => Promise<unknown>): PrintBridge {
  return {
    print: () => invoke(PRINT_CHANNELS.print) as ReturnType<PrintBridge['print']>,
    saveAsPdf: (suggestedName) =>
      invoke(PRINT_CHANNELS.saveAsPdf, suggestedName) as ReturnType<PrintBridge['saveAsPdf']>,
    chooseFolder: () => invoke(PRINT_CHANNELS.chooseFolder) as ReturnType<PrintBridge['chooseFolder']>,
    savePdfInFolder: (folder, fileName) =>
      invoke(PRINT_CHANNELS.savePdfInFolder, folder, fileName) as ReturnType<PrintBridge['savePdfInFolder']>,
  };
}
