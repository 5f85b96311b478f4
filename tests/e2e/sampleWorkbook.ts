import fs from 'node:fs';
import path from 'node:path';
import type { Desk } from './fixtures';

/** The workbook's bytes, made once per worker: every spec imports the same seed's sample. */
let made: Buffer | null = null;

/** The project's sample workbook, made by the real `patent-desk sample`, written into the desk's folder. */
export function writeSample(desk: Desk): string {
  const file = path.join(desk.dir, 'sample-import.xlsx');
  if (made) {
    fs.writeFileSync(file, made);
    return file;
  }
  const written = desk.cli(['sample', '--out', file]);
  if (written.status !== 0) throw new Error(written.stderr);
  made = fs.readFileSync(file);
  return file;
}
