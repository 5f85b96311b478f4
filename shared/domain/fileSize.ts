/** A file's size as people read it: `820 KB`, `12.4 MB` (the 设置 backup list and `patent-desk backup` alike). */
export function formatFileSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
