import path from 'node:path';

/**
 * The `.pdbatch` files among a command line (the OS starts the desk with the file as an argument: Windows and Linux on
 * a double-click, `second-instance` when the desk is already running). Options and the program's own path are skipped;
 * relative names are taken from the folder the command ran in.
 */
export function batchFilesIn(argv: readonly string[], cwd: string): string[] {
  return argv
    .filter((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith('.pdbatch'))
    .map((arg) => path.resolve(cwd, arg));
}
