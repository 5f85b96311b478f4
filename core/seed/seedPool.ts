import type Database from 'better-sqlite3';
import { indexTerms } from '../matching/terms';
import { seededUlid } from './identifiers';
import { Random } from './random';

// One university or institute deal in five had its patent in the pool first; one SME assignee in five answered the
// needs survey. Both read back from the seeded deals, so the pool links to recorded deals as real ones do.
const EVERY = 5;

/**
 * The sleeping-patent pool and the needs survey of a seeded store (DOMAIN §9): offers of patents that universities
 * and institutes later transferred or licensed (a transfer has left the pool as 已成交; a license stays offered, an
 * open license with its terms), and needs of SME assignees in the words of the patents they took. Indexed for
 * matching like records saved by a form.
 */
export function seedPool(db: Database.Database, seed: number): { poolPatents: number; needs: number } {
  const deals = db
    .prepare(
      `SELECT d.id, d.kind, d.license_mode, d.industry, d.contract_date, d.amount_fen, d.assignor_id, d.assignee_id,
              d.assignee_size, d.region_code, p.number, p.title
         FROM deals d JOIN deal_patents dp ON dp.deal_id = d.id AND dp.position = 1 JOIN patents p ON p.number = dp.patent_number
         JOIN organizations a ON a.id = d.assignor_id
        WHERE a.kind IN ('高校', '科研院所') ORDER BY d.contract_no`,
    )
    .all() as {
    id: string;
    kind: string;
    license_mode: string | null;
    industry: string;
    contract_date: string;
    amount_fen: number;
    assignor_id: string;
    assignee_id: string;
    assignee_size: string | null;
    region_code: string;
    number: string;
    title: string;
  }[];
  const supply = db.prepare(
    `INSERT OR IGNORE INTO supply_patents (id, region_code, patent_number, title, owner_id, industry, keywords, abstract, open_license,
       open_license_fee_fen, open_license_years, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const need = db.prepare(
    `INSERT INTO tech_needs (id, region_code, need_no, enterprise_id, industry, need_text, keywords, budget_fen, urgency, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, '一般', ?, ?)`,
  );
  const rng = new Random(seed ^ 0x5eed);
  const at = Date.UTC(2024, 0, 1);
  let poolPatents = 0;
  let needs = 0;
  deals.forEach((d, i) => {
    if (i % EVERY !== 0) return;
    const id = seededUlid(at + i, rng);
    const pooled = `${String(Number(d.contract_date.slice(0, 4)) - 1)}-01-15T02:00:00.000Z`;
    const open = d.license_mode === '开放许可';
    const status = d.kind === '许可' ? '在库' : '已成交';
    const abstract = `本${d.title.includes('装置') ? '实用新型' : '发明'}公开了${d.title}，适用于${d.industry}领域。`;
    if (
      supply.run(
        id,
        d.region_code,
        d.number,
        d.title,
        d.assignor_id,
        d.industry,
        d.industry,
        abstract,
        open ? 1 : 0,
        open ? d.amount_fen : null,
        open ? 3 : null,
        status,
        pooled,
        pooled,
      ).changes === 0
    )
      return;
    if (status === '在库') indexTerms(db, 'supply_fts', id, { keywords: d.industry, body: `${d.title} ${abstract}` });
    poolPatents++;
    if (d.assignee_size === '大型' || d.assignee_size === null) return;
    const needId = seededUlid(at + i, rng);
    const text = `我公司属于${d.industry}，希望引进${d.title.replace(/^一种/, '')}相关技术。`;
    need.run(
      needId,
      d.region_code,
      `XQ-${d.contract_date.slice(0, 4)}-${String(i + 1).padStart(6, '0')}`,
      d.assignee_id,
      d.industry,
      text,
      '',
      d.amount_fen,
      pooled,
      pooled,
    );
    indexTerms(db, 'need_fts', needId, { keywords: '', body: text });
    needs++;
  });
  return { poolPatents, needs };
}
