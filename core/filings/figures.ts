import type { ParsedEnterpriseFigures } from '../../shared/contract/filings/figures';
import type { WriteOutcome } from '../../shared/contract/filings/records';
import type { Writer } from '../service/context';
import { refuse } from './checks';
import { findRecord } from './findRecord';
import { resolveParty } from './parties';
import { writeRecord } from './recordWriter';
import { FIGURES } from './tables';
import { newId } from '../store/ids';

/** Creates or updates an enterprise's figures for one year, keyed by (enterprise, 年度). */
export function upsertEnterpriseFigures(
  w: Writer,
  input: ParsedEnterpriseFigures,
  options: { id?: string } = {},
): WriteOutcome {
  const currentYear = new Date(w.at).getFullYear();
  if (input.year > currentYear)
    throw refuse('year', `年度 ${input.year} 晚于今年（${currentYear}），不能填写未来年度的数据`);
  const enterprise = resolveParty(w, input.enterprise, 'enterprise');
  const existing = findRecord(
    w,
    FIGURES,
    {
      where: { organization_id: enterprise.id, year: input.year },
      field: 'year',
      label: `该企业 ${input.year} 年度的数据`,
    },
    options.id,
  );
  return writeRecord(w, FIGURES, {
    id: (existing?.id as string | undefined) ?? newId(),
    existing,
    values: {
      organization_id: enterprise.id,
      year: input.year,
      revenue_fen: input.revenueFen ?? null,
      employees: input.employees ?? null,
      sector: input.sector ?? null,
    },
  });
}
