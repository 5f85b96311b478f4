import type { PatentView } from '../../shared/contract/filings/patents';
import { parsePatentNumber, PATENT_TYPE_LABELS, type PatentType } from '../../shared/domain/patentNumber';
import { naturalExpiry } from '../../shared/domain/patentTerm';
import type { Writer } from '../service/context';
import type { ReadHandle } from '../store/store';
import { refuse, refuseFutureDates } from './checks';
import { type Row, writeRecord } from './recordWriter';
import { PATENTS } from './tables';
import { statement } from '../store/statements';

export interface PatentFields {
  number: string;
  title?: string | null;
  filingDate?: string | null;
  status?: PatentView['status'] | null;
}

export interface PatentRow {
  number: string;
  type: PatentView['type'];
  title: string;
  filing_date: string | null;
  status: PatentView['status'];
}

const TYPE_BY_LABEL = Object.fromEntries(Object.entries(PATENT_TYPE_LABELS).map(([k, v]) => [v, k])) as Record<
  string,
  PatentType
>;

export function toPatentView(p: PatentRow): PatentView {
  const type = TYPE_BY_LABEL[p.type];
  return {
    number: p.number,
    type: p.type,
    title: p.title,
    filingDate: p.filing_date,
    status: p.status,
    naturalExpiry: p.filing_date && type ? naturalExpiry(type, p.filing_date) : null,
  };
}

export function readPatent(db: ReadHandle, number: string): PatentView | null {
  const row = statement(db, 'SELECT * FROM patents WHERE number = ?').get(number) as PatentRow | undefined;
  return row ? toPatentView(row) : null;
}

/**
 * Stores each patent under its normalized number with its type derived from the number; given fields (title,
 * filing date, status) fill in or correct the stored ones, empty ones keep them. Returns the normalized numbers in
 * input order. `field` is the input path of the list (e.g. 'patents').
 */
export function upsertPatents(w: Writer, patents: PatentFields[], field = 'patents'): string[] {
  const currentYear = new Date(w.at).getFullYear();
  return patents.map((p, i) => {
    const parsed = parsePatentNumber(p.number, { currentYear });
    if (!parsed.ok) throw refuse(`${field}.${i}.number`, parsed.message);
    refuseFutureDates(w, [[`${field}.${i}.filingDate`, '申请日', p.filingDate]]);
    // The year in a number is the filing year in China; a PCT number (type 8 or 9) carries its national-phase year
    // instead, and its filing date may be the earlier international one.
    const pct = ['8', '9'].includes(parsed.normalized[parsed.era === 'modern' ? 4 : 2] ?? '');
    if (p.filingDate && !pct && Number(p.filingDate.slice(0, 4)) !== parsed.filingYear) {
      throw refuse(
        `${field}.${i}.filingDate`,
        `申请日 ${p.filingDate} 与专利号中的申请年份 ${parsed.filingYear} 不一致`,
      );
    }
    const existing = statement(w.db, 'SELECT * FROM patents WHERE number = ?').get(parsed.normalized) as
      Row | undefined;
    const values: Row = {
      type: PATENT_TYPE_LABELS[parsed.type],
      title: p.title?.trim() || (existing?.title as string | undefined) || '',
      filing_date: p.filingDate || existing?.filing_date || null,
      status: p.status || existing?.status || '有效',
    };
    writeRecord(w, PATENTS, { id: parsed.normalized, values, existing });
    return parsed.normalized;
  });
}
