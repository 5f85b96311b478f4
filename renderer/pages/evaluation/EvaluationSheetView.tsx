import type { EvaluationSheet } from '../../../shared/contract/indicators';
import { formatIndicator, formatRate, NONE } from '../../../shared/indicators/format';
import { INDICATORS, type IndicatorId } from '../../../shared/indicators/ids';
import { formatFenAsWan } from '../../../shared/domain/money';
import { NumCell } from '../../components/NumCell';
import './sheet.css';

const SCORE_ITEMS: Record<string, string> = {
  I1: 'I1 受让专利',
  I2: 'I2 高校院所',
  I3: 'I3 惠及企业',
  I4: 'I4 产品备案',
  I5: 'I5 质押金额',
  I5a: 'I5a 质押项目',
  growth: '增幅达标',
};

function growthVerdict(met: boolean | null) {
  if (met === null) return NONE;
  return met ? '达标' : <span className="unmet">未达标</span>;
}

/** One 成效评价表 (DOMAIN §7) laid out for A4. */
export function EvaluationSheetView({ sheet }: { sheet: EvaluationSheet }) {
  const { score } = sheet;
  return (
    <section className="a4-paper evaluation-sheet" data-testid={`sheet-${sheet.region}`}>
      <h1>专利转化专项计划成效评价表</h1>
      <div className="sheet-subtitle">（依据晋财行〔2021〕35号 四、奖补条件）</div>
      <div className="sheet-meta">
        <span>
          地区：{sheet.regionName}（{sheet.region}）
        </span>
        <span>评价年度：{sheet.year} 年</span>
        <span>累计期间：2021—{sheet.year} 年</span>
      </div>

      <h2>一、指标完成情况</h2>
      <table>
        <colgroup>
          <col style={{ width: '37%' }} />
          <col style={{ width: '9.5%' }} />
          <col style={{ width: '9.5%' }} />
          <col style={{ width: '9%' }} />
          <col style={{ width: '7%' }} />
          <col style={{ width: '7%' }} />
          <col style={{ width: '7%' }} />
          <col style={{ width: '7%' }} />
          <col style={{ width: '7%' }} />
        </colgroup>
        <thead>
          <tr>
            <th>指标（单位）</th>
            <th>本年值</th>
            <th>累计值</th>
            <th>目标值</th>
            <th>完成率</th>
            <th>同比</th>
            <th>年均增幅</th>
            <th>要求</th>
            <th>达标</th>
          </tr>
        </thead>
        <tbody>
          {sheet.rows.map((row) => {
            const id = row.indicator as IndicatorId;
            return (
              <tr key={id}>
                <td className="indicator-name">
                  {id} {INDICATORS[id].name}（{INDICATORS[id].unit}）
                </td>
                <NumCell text={formatIndicator(id, row.year)} fits={8} />
                <NumCell text={formatIndicator(id, row.cumulative)} fits={8} />
                <NumCell text={formatIndicator(id, row.target)} fits={7} />
                <NumCell text={formatRate(row.completion)} fits={5} />
                <NumCell text={formatRate(row.yoy)} fits={5} />
                <NumCell text={formatRate(row.avgGrowth)} fits={5} />
                <td className="num">{row.requiredGrowth === null ? NONE : `≥${formatRate(row.requiredGrowth, 0)}`}</td>
                <td className="center">{growthVerdict(row.growthMet)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="note">
        注：金额单位为万元；累计值为 2021 年至评价年度之和（I3 为期间内不重复的企业数）；年均增幅以 2020
        年为基期；I3a、I3b 为当年惠及企业中两年均有数据者的增幅，以当年增幅对照要求；“—”表示无数据或基数为零、无法计算。
      </div>

      <h2>二、审核与扣分事项</h2>
      <table>
        <tbody>
          <tr>
            <td style={{ width: '52%' }}>审核中的交易（待审核、需补充材料，仍计入指标）</td>
            <td className="num" style={{ width: '14%' }}>
              {sheet.dealsUnderReview} 笔
            </td>
            <td>不扣分，待审核结论</td>
          </tr>
          <tr>
            <td>确认异常的交易（已从指标中剔除）</td>
            <td className="num">{sheet.confirmedAnomalies} 起</td>
            <td>扣分项</td>
          </tr>
          <tr>
            <td>追回的奖补（套取补贴）</td>
            <td className="num">{sheet.subsidyFrauds} 笔</td>
            <td>扣分项，追回金额 {formatFenAsWan(sheet.clawedBackFen, 2, { thousands: true })} 万元</td>
          </tr>
        </tbody>
      </table>

      <h2>三、评分</h2>
      <table>
        <thead>
          <tr>
            <th style={{ width: '12%' }}>评分项</th>
            {score.lines.map((line) => (
              <th key={line.item}>{SCORE_ITEMS[line.item] ?? line.item}</th>
            ))}
            <th>小计</th>
            <th>扣分</th>
            <th>总分</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td className="center">分值</td>
            {score.lines.map((line) => (
              <td key={line.item} className="num">
                {line.weight}
              </td>
            ))}
            <td className="num">{score.lines.reduce((sum, line) => sum + line.weight, 0)}</td>
            <td className="num">{NONE}</td>
            <td className="num">{NONE}</td>
          </tr>
          <tr>
            <td className="center">得分</td>
            {score.lines.map((line) => (
              <td key={line.item} className="num">
                {line.score.toFixed(2)}
              </td>
            ))}
            <td className="num">{score.gross.toFixed(2)}</td>
            <td className="num">{score.deduction > 0 ? `−${score.deduction.toFixed(2)}` : '0.00'}</td>
            <td className="num total" data-testid="sheet-total">
              {score.total.toFixed(2)}
            </td>
          </tr>
        </tbody>
      </table>
      <div className="note">
        评分方案：第 {sheet.schemeVersion} 版{sheet.schemeVersion === 0 ? '（默认方案）' : ''}
        。各项按完成率折算，不超过其分值；增幅达标项按达标项数占要求项数的比例折算。
      </div>

      <div className="signatures">
        <div>
          填报人：
          <span />
        </div>
        <div>
          审核人：
          <span />
        </div>
        <div>
          负责人：
          <span />
        </div>
      </div>
      <div className="closing">
        <div>
          填报日期：
          <span style={{ display: 'inline-block', width: '40mm', borderBottom: '0.75pt solid #000' }} />
          <div className="note">生成日期：{sheet.generatedOn}</div>
        </div>
        <div className="seal">（单位盖章）</div>
      </div>
    </section>
  );
}
