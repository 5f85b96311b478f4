import type { BenchResult } from './figure';

const COLUMNS = ['figure', 'value', 'baseline', 'ratio', 'budget', 'within budget'] as const;

export interface TableRow {
  result: BenchResult;
  budgetOn: 'value' | 'ratio';
}

function cells({ result: r, budgetOn }: TableRow): string[] {
  const budget = r.budget === null ? '—' : budgetOn === 'ratio' ? `≤ ${r.budget}× baseline` : `≤ ${r.budget} ${r.unit}`;
  return [
    r.name,
    `${r.value} ${r.unit}`,
    `${r.baseline} ${r.unit}`,
    `${r.ratio}×`,
    budget,
    r.withinBudget === null ? '—' : r.withinBudget ? 'yes' : 'NO',
  ];
}

/** A Markdown table, so the same text goes into README.md's Performance section. */
export function formatTable(rows: readonly TableRow[]): string {
  const line = (c: readonly string[]) => `| ${c.join(' | ')} |`;
  return [line(COLUMNS), line(COLUMNS.map(() => '---')), ...rows.map((r) => line(cells(r)))].join('\n');
}
