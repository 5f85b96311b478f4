import type { FileDownload } from '../../shared/contract/common';

/**
 * Files between the caseworker's disk and the desk: what the desk hands out goes through the browser's download (the
 * desktop app shows its save dialog); what the caseworker picks travels to core as base64, as the contract carries it.
 */

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Saves bytes under a file name. The link's address is kept a while: some browsers start reading it late. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadBase64(contentBase64: string, fileName: string, type: string): void {
  const bytes = Uint8Array.from(atob(contentBase64), (c) => c.charCodeAt(0));
  downloadBlob(new Blob([bytes], { type }), fileName);
}

/** A file made by core (an export, a report, a template): base64 with its Chinese file name and type. */
export function saveDownload(file: FileDownload): void {
  downloadBase64(file.base64, file.fileName, file.mimeType);
}

export function downloadText(content: string, fileName: string, type = 'application/octet-stream'): void {
  downloadBlob(new Blob([content], { type }), fileName);
}

/** A picked file's bytes as base64. */
export function readFileBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error('无法读取所选文件，请确认文件未被其他程序占用'));
    reader.readAsDataURL(file);
  });
}
