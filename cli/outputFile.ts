import fs from 'node:fs';
import { CliFailure } from './context';

// What the system says, in words a caseworker can act on; anything else keeps the system's own code.
const WHY: Record<string, string> = {
  ENOENT: '所在文件夹不存在，请先建立文件夹或换一个保存位置',
  EACCES: '没有写入该位置的权限，请换一个保存位置',
  EPERM: '没有写入该位置的权限，请换一个保存位置',
  EROFS: '该位置只读，请换一个保存位置',
  ENOSPC: '磁盘空间不足，请清理后重试',
  EISDIR: '这是一个文件夹，请写出文件名',
};

/** Writes what a command exports to its --out file; a path that cannot be written ends the command in Chinese. */
export function writeOutputFile(file: string, content: string | Buffer, what: string): void {
  try {
    fs.writeFileSync(file, content);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new CliFailure(`无法写入${what} ${file}：${WHY[code] ?? `系统错误 ${code || (error as Error).message}`}`);
  }
}
