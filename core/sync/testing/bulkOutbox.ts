import type Database from 'better-sqlite3';
import { newId } from '../../store/ids';
import { appendOutbox } from '../../outbox/outbox';
import { patentNumber } from './syncFixtures';

/**
 * Volume for the sync bench: n deals (each with its own patent and one payment) between two parties, written
 * straight into the city's tables with their outbox rows — the rows the filings write functions would make, without
 * their per-deal checks, so that 100,000 records are ready in seconds. `first` numbers the patents and contracts, so
 * that several installations send different deals. Returns the number of outbox rows written.
 */
export function writeBulkOutbox(db: Database.Database, regionCode: string, deals: number, first = 0): number {
  const at = new Date().toISOString();
  let rows = 0;
  const statements = new Map<string, Database.Statement>();
  const insert = (table: string, row: Record<string, unknown>) => {
    let statement = statements.get(table);
    if (!statement) {
      const columns = Object.keys(row);
      statement = db.prepare(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
      );
      statements.set(table, statement);
    }
    statement.run(row);
  };
  const outbox = (
    entity: Parameters<typeof appendOutbox>[1]['entity'],
    id: string,
    payload: Record<string, unknown>,
  ) => {
    appendOutbox(db, { entity, entityId: id, version: 1, op: 'upsert', payload }, at);
    rows++;
  };
  db.transaction(() => {
    const parties = [
      {
        id: newId(),
        name: '太原理工大学',
        name_norm: '太原理工大学',
        uscc: '121400004052002036',
        kind: '高校',
        region_code: regionCode,
        city_code: regionCode,
        size: null,
        sector: null,
        legal_rep: null,
        phone: null,
        address: null,
        version: 1,
        created_at: at,
        updated_at: at,
        voided_at: null,
        void_reason: null,
      },
      {
        id: newId(),
        name: '山西示例科技有限公司',
        name_norm: '山西示例科技有限公司',
        uscc: '91140100MA0K123488',
        kind: '企业',
        region_code: regionCode,
        city_code: regionCode,
        size: '小型',
        sector: null,
        legal_rep: null,
        phone: null,
        address: null,
        version: 1,
        created_at: at,
        updated_at: at,
        voided_at: null,
        void_reason: null,
      },
    ];
    for (const p of parties) {
      insert('organizations', p);
      outbox('organization', p.id, p);
    }
    const link = db.prepare('INSERT INTO deal_patents (deal_id, patent_number, position) VALUES (?, ?, 1)');
    for (let n = first; n < first + deals; n++) {
      const number = patentNumber(n).replace('.', '');
      const patent = {
        number,
        type: '发明',
        title: `批量专利 ${n}`,
        filing_date: '2020-04-21',
        status: '有效',
        version: 1,
        updated_at: at,
      };
      insert('patents', patent);
      outbox('patent', number, patent);
      const deal = {
        id: newId(),
        region_code: regionCode,
        contract_no: `HT-${regionCode}-${String(n).padStart(7, '0')}`,
        kind: '许可',
        license_mode: '普通',
        assignor_id: parties[0]!.id,
        assignee_id: parties[1]!.id,
        assignee_size: '小型',
        industry: '节能环保',
        contract_date: '2023-03-01',
        recordation_date: '2023-04-10',
        amount_fen: 1_000_000 + n,
        license_end_date: null,
        patent_count: 1,
        version: 1,
        created_at: at,
        created_by: null,
        updated_at: at,
        updated_by: null,
        voided_at: null,
        void_reason: null,
      };
      insert('deals', deal);
      link.run(deal.id, number);
      outbox('deal', deal.id, { ...deal, patents: [number] });
      const payment = {
        id: newId(),
        deal_id: deal.id,
        paid_date: '2023-03-15',
        amount_fen: 1_000_000 + n,
        voucher_no: `V${n}`,
        version: 1,
        created_at: at,
        updated_at: at,
        voided_at: null,
        void_reason: null,
      };
      insert('payments', payment);
      outbox('payment', payment.id, payment);
    }
  })();
  return rows;
}
