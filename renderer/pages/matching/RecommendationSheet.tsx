import type { NeedRow, PatentMatch } from '../../../shared/contract/matching';
import { region, wan } from '../filings/format';
import { openTerms } from './SupplyTab';
import './recommendation.css';

/**
 * 推荐清单: one printable page to take on a visit to the enterprise — the need, then the recommended patents with
 * their owners, terms and why each is recommended. Printed from the print root (components/PrintRoot.tsx).
 */
export function RecommendationSheet({
  need,
  matches,
  today,
  bureau,
}: {
  need: NeedRow;
  matches: PatentMatch[];
  today: string;
  bureau: string;
}) {
  return (
    <div className="recommendation-print a4-paper" data-testid="recommendation-print">
      <h1>专利技术推荐清单</h1>
      <div className="meta">
        <span>
          企业：{need.enterpriseName}（{region(need.enterpriseRegion)}）
        </span>
        <span>需求编号：{need.needNo}</span>
      </div>
      <p>
        技术需求：{need.needText}
        {need.budgetFen !== null ? `（预算 ${wan(need.budgetFen)}）` : ''}
      </p>
      <table>
        <thead>
          <tr>
            <th style={{ width: '6%' }}>序号</th>
            <th style={{ width: '30%' }}>专利</th>
            <th style={{ width: '20%' }}>权利人</th>
            <th style={{ width: '16%' }}>转化条件</th>
            <th style={{ width: '28%' }}>推荐理由</th>
          </tr>
        </thead>
        <tbody>
          {matches.map((m, i) => (
            <tr key={m.supply.id}>
              <td>{i + 1}</td>
              <td>
                {m.supply.title}
                <br />
                {m.supply.patentNumber}
              </td>
              <td>
                {m.supply.ownerName}（{region(m.supply.ownerRegion)}）
              </td>
              <td>{m.supply.openLicense ? `开放许可 ${openTerms(m.supply)}` : (m.supply.askingTerms ?? '面议')}</td>
              <td>{m.reasons.map((r) => r.text).join('；')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="footer">
        <span>{bureau}</span>
        <span>{today}</span>
      </div>
    </div>
  );
}
