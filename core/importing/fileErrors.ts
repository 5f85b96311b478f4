import { DeskError } from '../service/errors';

/** A file that cannot be imported at all (not a spreadsheet, damaged, no recognizable sheet): one Chinese sentence. */
export class ImportFileError extends DeskError {
  constructor(message: string) {
    super('IMPORT_FILE', message);
    this.name = 'ImportFileError';
  }
}

/** The import was stopped by the user before anything was written. */
export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled');
    this.name = 'ImportCancelled';
  }
}
