/**
 * Test data for the indicator tests: real rows in a real temp store, written with plain SQL (the filings services
 * write the same columns). Amounts are given in 万元 as decimal strings and stored as integer 分.
 */
import type Database from 'better-sqlite3';
import { newId } from '../../store/ids';
import { parseWanToFen } from '../../../shared/domain/money';

type Kind = '高校' | '科研院所' | '国有企业' | '企业' | '个人' | '其他';
type Size = '微型' | '小型' | '中型' | '大型';

function fen(wan: string): number {
  const parsed = parseWanToFen(wan);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.fen;
}

const AT = '2024-01-01T00:00:00.000Z';

export function storeBuilder(db: Database.Database) {
  let patentSerial = 0;
  const newPatent = () => {
    const number = `2021${String(++patentSerial).padStart(8, '0')}.X`;
    db.prepare(`INSERT INTO patents (number, type, title, updated_at) VALUES (?, '发明', '测试专利', ?)`).run(
      number,
      AT,
    );
    return number;
  };

  return {
    org(name: string, kind: Kind, regionCode: string | null, size: Size | null = null): string {
      const id = newId();
      const city =
        regionCode === null
          ? null
          : regionCode === '140171'
            ? regionCode
            : regionCode.startsWith('14')
              ? `${regionCode.slice(0, 4)}00`
              : null;
      db.prepare(
        `INSERT INTO organizations (id, name, name_norm, kind, region_code, city_code, size, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(id, name, name, kind, regionCode, city, size, AT, AT);
      return id;
    },

    deal(d: {
      assignor: string;
      assignee: string;
      recorded: string | null;
      amountWan?: string;
      patents?: number | string[];
      assigneeSize?: Size | null;
      kind?: '转让' | '许可' | '作价入股';
      industry?: string;
      voided?: boolean;
    }): string {
      const id = newId();
      const patents = Array.isArray(d.patents) ? d.patents : Array.from({ length: d.patents ?? 1 }, newPatent);
      const kind = d.kind ?? '转让';
      db.prepare(
        `INSERT INTO deals (id, region_code, contract_no, kind, license_mode, assignor_id, assignee_id, assignee_size, industry,
           contract_date, recordation_date, amount_fen, patent_count, created_at, updated_at, voided_at, void_reason)
         VALUES (?, '140100', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        id,
        `HT-${id}`,
        kind,
        kind === '许可' ? '普通' : null,
        d.assignor,
        d.assignee,
        d.assigneeSize ?? null,
        d.industry ?? '其他',
        d.recorded ?? '2021-01-01',
        d.recorded,
        fen(d.amountWan ?? '0'),
        patents.length,
        AT,
        AT,
        d.voided ? AT : null,
        d.voided ? '录入错误' : null,
      );
      patents.forEach((number, position) =>
        db
          .prepare('INSERT INTO deal_patents (deal_id, patent_number, position) VALUES (?, ?, ?)')
          .run(id, number, position),
      );
      return id;
    },

    payment(dealId: string, paidDate: string, amountWan: string, voided = false): void {
      db.prepare(
        `INSERT INTO payments (id, deal_id, paid_date, amount_fen, created_at, updated_at, voided_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(newId(), dealId, paidDate, fen(amountWan), AT, AT, voided ? AT : null);
    },

    flag(dealId: string, status: '待审核' | '确认异常' | '排除' | '需补充材料', regionCode = '140100'): string {
      const id = newId();
      db.prepare(
        `INSERT INTO anomaly_flags (id, rule_id, region_code, fingerprint, status, explanation, first_seen_at, last_seen_at, updated_at)
         VALUES (?, 'R04', ?, ?, ?, '测试', ?, ?, ?)`,
      ).run(id, regionCode, id, status, AT, AT, AT);
      db.prepare(`INSERT INTO flag_subjects (flag_id, entity, entity_id, business_no) VALUES (?, 'deal', ?, 'HT')`).run(
        id,
        dealId,
      );
      return id;
    },

    pledge(pledgor: string, registered: string, amountWan: string, voided = false): void {
      const id = newId();
      db.prepare(
        `INSERT INTO pledges (id, region_code, registration_no, pledgor_id, pledgee_name, amount_fen, registration_date,
           created_at, updated_at, voided_at) VALUES (?, '140100', ?, ?, '某银行', ?, ?, ?, ?, ?)`,
      ).run(id, `ZY-${id}`, pledgor, fen(amountWan), registered, AT, AT, voided ? AT : null);
    },

    registration(
      enterprise: string,
      registered: string,
      patents: string[] | number,
      size: Size | null = null,
      voided = false,
    ): string[] {
      const id = newId();
      const numbers = Array.isArray(patents) ? patents : Array.from({ length: patents }, newPatent);
      db.prepare(
        `INSERT INTO product_registrations (id, region_code, registration_no, enterprise_id, enterprise_size, product_name,
           registration_date, created_at, updated_at, voided_at) VALUES (?, '140100', ?, ?, ?, '产品', ?, ?, ?, ?)`,
      ).run(id, `BA-${id}`, enterprise, size, registered, AT, AT, voided ? AT : null);
      for (const number of numbers) {
        db.prepare('INSERT INTO registration_patents (registration_id, patent_number) VALUES (?, ?)').run(id, number);
      }
      return numbers;
    },

    figures(organization: string, year: number, revenueWan: string | null, employees: number | null): void {
      db.prepare(
        `INSERT INTO enterprise_figures (id, organization_id, year, revenue_fen, employees, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(newId(), organization, year, revenueWan === null ? null : fen(revenueWan), employees, AT, AT);
    },

    subsidy(
      recipient: string,
      granted: string,
      amountWan: string,
      clawedBackAt: string | null,
      regionCode = '140100',
    ): void {
      const id = newId();
      db.prepare(
        `INSERT INTO subsidies (id, region_code, subsidy_no, recipient_id, program_name, amount_fen, granted_date, clawed_back_at,
           created_at, updated_at) VALUES (?, ?, ?, ?, '专利转化奖补', ?, ?, ?, ?, ?)`,
      ).run(id, regionCode, `JB-${id}`, recipient, fen(amountWan), granted, clawedBackAt, AT, AT);
    },

    newPatent,
  };
}

export const WAN = (wan: string) => fen(wan);
