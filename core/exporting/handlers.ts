import type { exportingMethods } from '../../shared/contract/exporting';
import type { HandlersOf } from '../service/context';
import { exportList } from './exportList';
import { tableDownload } from './tableFile';

export const exportingHandlers = {
  'export.list': (input, ctx) => exportList(ctx, input.list, input.filters, input.format),

  'export.table': (input, ctx) =>
    tableDownload(
      input.title,
      { name: input.title, columns: input.columns, rows: input.rows },
      input.format,
      ctx.now(),
    ),
} satisfies HandlersOf<typeof exportingMethods>;
