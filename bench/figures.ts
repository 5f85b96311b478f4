import type { BenchFigure } from './figure';
import { storeFigures } from './store.bench';
import { listsFigures } from './lists.bench';
import { importFigures } from './import.bench';
import { scanFigures } from './scan.bench';
import {
  indicatorsPostgresFigure,
  recordsListPostgresFigure,
  syncEightFigure,
  syncFigure,
  syncPostgresFigure,
} from './sync.bench';
import { indicatorsFigures } from './indicators.bench';
import { evaluationPdfFigures } from './evaluationPdf.bench';
import { matchingFigure } from './matching.bench';

/**
 * Every figure `npm run bench` runs, in this order. Each capability adds ONE line for its own
 * bench/<name>.bench.ts (lists, import, scan, sync, indicators, evaluationPdf): import its export and list it here.
 * A file may export one BenchFigure or an array of them. (The memory figure of the core process is not listed: run.ts
 * always runs it last.)
 */
export const figures: (BenchFigure | readonly BenchFigure[])[] = [
  storeFigures,
  listsFigures,
  importFigures,
  scanFigures,
  [syncFigure, syncPostgresFigure, syncEightFigure, indicatorsPostgresFigure, recordsListPostgresFigure],
  indicatorsFigures,
  evaluationPdfFigures,
  matchingFigure,
];
