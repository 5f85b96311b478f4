import { candidate, dealSubject } from '../candidate';
import { inScope, scopeParams } from '../sql';
import type { RuleModule } from '../types';
import { statement } from '../../store/statements';

// Normalizations are exact string equality after removing what people type differently (spaces, dashes,
// brackets, a +86 prefix); short or placeholder values ("无", "-") never match, to keep false alarms out.
const spaced = (x: string) => `replace(replace(replace(trim(${x}), ' ', ''), char(12288), ''), char(9), '')`;
const text = (x: string) => `upper(${spaced(x)})`;
const phone = (x: string) =>
  `replace(replace(replace(replace(replace(replace(replace(${spaced(x)}, '+86', ''), '-', ''), '(', ''), ')', ''), '（', ''), '）', ''), '+', '')`;

const FIELDS = [
  { key: 'uscc', label: '统一社会信用代码', expr: (o: string) => `${o}.uscc`, minLength: 18 },
  { key: 'name', label: '名称（规范化后）', expr: (o: string) => `${o}.name_norm`, minLength: 2 },
  { key: 'legalRep', label: '法定代表人', expr: (o: string) => text(`${o}.legal_rep`), minLength: 2 },
  { key: 'phone', label: '电话', expr: (o: string) => phone(`${o}.phone`), minLength: 7 },
  { key: 'address', label: '地址', expr: (o: string) => text(`${o}.address`), minLength: 6 },
] as const;

// The cheap NULL tests come first: SQLite stops evaluating an AND at the first false term.
const sameField = (f: (typeof FIELDS)[number]) =>
  `(${f.expr('a')} IS NOT NULL AND ${f.expr('b')} IS NOT NULL AND ${f.expr('a')} = ${f.expr('b')} AND length(${f.expr('a')}) >= ${f.minLength})`;

/**
 * A full scan starts from the organizations, not the deals: the pairs of parties that share an identifier (each
 * party with itself, and any two whose normalized USCC, name, legal representative, phone or address agree), found
 * set-based by joining the parties' keys on themselves, then only the deals between such pairs, through the
 * party-pair index.
 */
const LINKED_PARTY_PAIRS = `WITH keyed AS MATERIALIZED (
    ${FIELDS.map((f) => `SELECT a.id, '${f.key}:' || ${f.expr('a')} AS key FROM organizations a WHERE ${f.expr('a')} IS NOT NULL AND length(${f.expr('a')}) >= ${f.minLength}`).join(' UNION ALL ')}),
  linked AS (SELECT DISTINCT x.id AS assignorId, y.id AS assigneeId FROM keyed x JOIN keyed y ON y.key = x.key)`;

/** R03: assignor and assignee share a USCC, a normalized name, a legal representative, a phone or an address. */
export const r03RelatedParties: RuleModule = {
  id: 'R03',
  run(run) {
    const rows = statement(
      run.db,
      `${run.dealIds === null ? LINKED_PARTY_PAIRS : ''}
         SELECT d.id, d.contract_no AS contractNo, d.region_code AS regionCode, a.name AS assignor, b.name AS assignee,
           ${FIELDS.map((f) => `CASE WHEN ${sameField(f)} THEN ${f.expr('a')} END AS ${f.key}`).join(',\n')}
         FROM ${run.dealIds === null ? 'linked l CROSS JOIN deals d ON d.assignor_id = l.assignorId AND d.assignee_id = l.assigneeId' : 'deals d'}
         JOIN organizations a ON a.id = d.assignor_id
         JOIN organizations b ON b.id = d.assignee_id
         WHERE d.voided_at IS NULL AND ${inScope('d.id', run.dealIds)}
           AND (${FIELDS.map(sameField).join(' OR ')})
         ORDER BY d.id`,
    ).all(scopeParams(run.dealIds)) as ({
      id: string;
      contractNo: string;
      regionCode: string;
      assignor: string;
      assignee: string;
    } & Record<string, string | null>)[];
    return rows.map((r) => {
      const shared = FIELDS.filter((f) => r[f.key] !== null).map((f) => ({ field: f.label, value: r[f.key] }));
      return candidate(
        'R03',
        r.regionCode,
        [dealSubject(r.id, r.contractNo)],
        `让与方“${r.assignor}”与受让方“${r.assignee}”的${shared.map((s) => s.field).join('、')}相同（${shared.map((s) => s.value).join('；')}），可能是关联交易。`,
        { assignor: r.assignor, assignee: r.assignee, shared },
      );
    });
  },
};
