import fs from 'node:fs';
import { CliFailure } from './context';

/** Writes what a command exports to its --out file; a path that cannot be written ends the command in Chinese. */
export function writeOutputFile(file: string, content: string | Buffer, what: string): void {
  try {
    fs.writeFileSync(file, content);
  } catch (error) {
    throw new CliFailure(`无法写入${what} ${file}：${(error as Error).message}`);
  }
}
