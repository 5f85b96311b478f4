import type { Bulletin, BulletinProgress, BulletinRegion } from '../../../../shared/contract/bulletin';
import { BULLETIN_MAIN_IDS } from '../../../../shared/indicators/bulletinPeriod';
import { formatIndicator, formatRate, NONE } from '../../../../shared/indicators/format';
import { INDICATORS, type IndicatorId } from '../../../../shared/indicators/ids';
import { NumCell } from '../../../components/NumCell';
import { ProvinceCompletionChart, RankingChart } from './BulletinCharts';
import { shortRegionName } from './regionNames';
import './bulletin.css';

/** What each plan target of 晋财行〔2021〕35号 (一、(三) 主要目标) is, in the indicators of DOMAIN §7. */
const PLAN_WORDING: Partial<Record<IndicatorId, string>> = {
  I1: '全省中小微企业接受转让、许可、作价入股的专利数量累计 990 项',
  I2: '全省高校院所专利转让、许可、作价入股的专利数量累计 1300 项',
  I3: '政策惠及的省内中小微企业累计 660 家',
  I5: '全省专利质押融资金额累计 20 亿元',
  I5a: '专利质押项目数累计 300 项',
};
const OTHER_IDS: IndicatorId[] = ['I1a', 'I1b', 'I2a', 'I2b', 'I4', 'I4a'];
const FIRST_TABLE: IndicatorId[] = ['I1', 'I2', 'I3'];
const SECOND_TABLE: IndicatorId[] = ['I5', 'I5a'];

const label = (id: IndicatorId) => `${id} ${INDICATORS[id].shortName}（${INDICATORS[id].unit}）`;
const rowName = (r: BulletinRegion, total: boolean) => (total ? '全省合计' : shortRegionName(r.region));

function Completion({ p }: { p: BulletinProgress }) {
  const text = formatRate(p.completion);
  return <NumCell text={text} fits={6} basePt={8.5} className={p.behind ? 'num behind' : 'num'} />;
}

function ProgressCells({ id, p }: { id: IndicatorId; p: BulletinProgress }) {
  return (
    <>
      <NumCell text={formatIndicator(id, p.cumulative)} fits={8} basePt={8.5} />
      <NumCell text={formatIndicator(id, p.target)} fits={8} basePt={8.5} />
      <Completion p={p} />
    </>
  );
}

function ProgressTable({ bulletin, ids, extra }: { bulletin: Bulletin; ids: IndicatorId[]; extra: boolean }) {
  const rows = [...bulletin.regions.map((r) => ({ r, total: false })), { r: bulletin.province, total: true }];
  return (
    <table className="progress">
      <thead>
        <tr>
          <th rowSpan={2} style={{ width: '11%' }}>
            地区
          </th>
          {ids.map((id) => (
            <th key={id} colSpan={3}>
              {label(id)}
            </th>
          ))}
          {extra && (
            <th rowSpan={2} style={{ width: '10%' }}>
              综合完成率
            </th>
          )}
          {extra && (
            <th rowSpan={2} style={{ width: '7%' }}>
              排名
            </th>
          )}
        </tr>
        <tr>
          {ids.map((id) => [
            <th key={`${id}c`}>累计</th>,
            <th key={`${id}t`}>目标</th>,
            <th key={`${id}r`}>完成率</th>,
          ])}
        </tr>
      </thead>
      <tbody>
        {rows.map(({ r, total }) => (
          <tr key={r.region} className={total ? 'total' : undefined} data-testid={`bulletin-row-${r.region}`}>
            <td className="region">{rowName(r, total)}</td>
            {ids.map((id) => (
              <ProgressCells key={id} id={id} p={r.indicators[id]} />
            ))}
            {extra && <NumCell text={formatRate(r.overall)} fits={6} basePt={8.5} />}
            {extra && <td className="center">{total ? NONE : (r.rank ?? NONE)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function OtherTable({ bulletin }: { bulletin: Bulletin }) {
  const rows = [...bulletin.regions.map((r) => ({ r, total: false })), { r: bulletin.province, total: true }];
  return (
    <table className="progress">
      <thead>
        <tr>
          <th style={{ width: '11%' }}>地区</th>
          {OTHER_IDS.map((id) => (
            <th key={id}>{label(id)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(({ r, total }) => (
          <tr key={r.region} className={total ? 'total' : undefined}>
            <td className="region">{rowName(r, total)}</td>
            {OTHER_IDS.map((id) => (
              <NumCell key={id} text={formatIndicator(id, r.indicators[id].cumulative)} fits={12} basePt={8.5} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function behindText(r: BulletinRegion): string {
  return BULLETIN_MAIN_IDS.filter((id) => r.indicators[id].behind)
    .map(
      (id) =>
        `${id} ${INDICATORS[id].shortName} 完成 ${formatRate(r.indicators[id].completion)}（序时 ${formatRate(r.indicators[id].elapsed)}）`,
    )
    .join('；');
}

/** The 定期通报 laid out for A4: title and period, the province against the plan, every region, ranking, schedule, review. */
export function BulletinSheet({ bulletin }: { bulletin: Bulletin }) {
  const { province } = bulletin;
  const behind = bulletin.regions.filter((r) => BULLETIN_MAIN_IDS.some((id) => r.indicators[id].behind));
  const ranked = bulletin.regions.filter((r) => r.rank !== null).sort((a, b) => a.rank! - b.rank!);
  const unranked = bulletin.regions.filter((r) => r.rank === null);
  return (
    <section className="a4-paper bulletin-sheet" data-testid="bulletin-sheet">
      <h1>山西省专利转化专项计划定期通报</h1>
      <div className="sheet-subtitle">（{bulletin.periodLabel}）</div>
      <div className="sheet-meta">
        <span>
          统计期间：{bulletin.periodStart} 至 {bulletin.periodEnd}
        </span>
        <span>累计期间：2021-01-01 至 {bulletin.periodEnd}</span>
        <span>
          序时进度：{formatRate(bulletin.planElapsed)}（规划期 {bulletin.planYearFrom}—{bulletin.planYearTo} 年）
        </span>
      </div>

      <h2>一、全省目标完成情况</h2>
      <table>
        <thead>
          <tr>
            <th style={{ width: '40%' }}>规划目标（晋财行〔2021〕35号）</th>
            <th style={{ width: '14%' }}>对应指标</th>
            <th>目标值</th>
            <th>累计完成</th>
            <th>完成率</th>
            <th>进度</th>
          </tr>
        </thead>
        <tbody>
          {BULLETIN_MAIN_IDS.map((id) => {
            const p = province.indicators[id];
            return (
              <tr key={id}>
                <td className="wording">{PLAN_WORDING[id]}</td>
                <td className="center">
                  {id}（{INDICATORS[id].unit}）
                </td>
                <NumCell text={formatIndicator(id, p.target)} fits={10} basePt={8.5} />
                <NumCell text={formatIndicator(id, p.cumulative)} fits={10} basePt={8.5} />
                <Completion p={p} />
                <td className="center">
                  {p.completion === null ? NONE : p.behind ? <span className="behind">落后</span> : '正常'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="note">
        注：目标值为设置中的全省目标（默认即规划目标；20 亿元 = 200,000.00 万元）；I4
        专利产品备案规划未设数值目标，见第三部分。金额单位万元。
      </div>
      <div className="chart">
        <div className="chart-title">图 1 全省各项目标完成率与序时进度</div>
        <ProvinceCompletionChart bulletin={bulletin} />
      </div>

      <h2>二、各地区主要指标完成情况（累计至 {bulletin.periodEnd}）</h2>
      <ProgressTable bulletin={bulletin} ids={FIRST_TABLE} extra={false} />
      <div className="table-gap" />
      <ProgressTable bulletin={bulletin} ids={SECOND_TABLE} extra />
      <div className="note">
        注：各地区目标为省定目标（设置 → 目标与基期）；未设目标的显示“—”，不计完成率与排名。综合完成率为
        I1、I2、I3、I5、I5a 中已设目标各项完成率的平均值。红色为落后于序时进度。
      </div>

      <h2>三、各地区其他指标累计值</h2>
      <OtherTable bulletin={bulletin} />

      <h2>四、各地区排名</h2>
      <table>
        <thead>
          <tr>
            <th style={{ width: '8%' }}>排名</th>
            <th style={{ width: '14%' }}>地区</th>
            <th>综合完成率</th>
            {BULLETIN_MAIN_IDS.map((id) => (
              <th key={id}>{id} 完成率</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ranked.map((r) => (
            <tr key={r.region}>
              <td className="center">{r.rank}</td>
              <td className="region">{shortRegionName(r.region)}</td>
              <NumCell text={formatRate(r.overall)} fits={7} basePt={8.5} />
              {BULLETIN_MAIN_IDS.map((id) => (
                <Completion key={id} p={r.indicators[id]} />
              ))}
            </tr>
          ))}
          {ranked.length === 0 && (
            <tr>
              <td colSpan={3 + BULLETIN_MAIN_IDS.length} className="center">
                各地区均未设置目标，无法排名
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {unranked.length > 0 && (
        <div className="note">未设目标、不参加排名：{unranked.map((r) => shortRegionName(r.region)).join('、')}。</div>
      )}
      <div className="chart">
        <div className="chart-title">图 2 各地区综合完成率排名</div>
        <RankingChart bulletin={bulletin} />
      </div>

      <h2>五、落后于序时进度的地区</h2>
      <table>
        <thead>
          <tr>
            <th style={{ width: '14%' }}>地区</th>
            <th>落后指标（完成率 / 序时进度）</th>
          </tr>
        </thead>
        <tbody>
          {behind.map((r) => (
            <tr key={r.region}>
              <td className="region">{shortRegionName(r.region)}</td>
              <td className="wording">{behindText(r)}</td>
            </tr>
          ))}
          {behind.length === 0 && (
            <tr>
              <td colSpan={2} className="center">
                本期无落后于序时进度的地区
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <div className="note">
        口径：序时进度 = 截至本期末，目标所属期间（如 {bulletin.planYearFrom}—{bulletin.planYearTo} 年）已过去的月数 ÷
        该期间的总月数；某项指标累计完成率低于其序时进度，即为落后于序时进度。只判断已设目标的 I1、I2、I3、I5、I5a。
      </div>

      <h2>六、异常交易审核情况（2021-01-01 至 {bulletin.periodEnd} 备案的交易）</h2>
      <table>
        <thead>
          <tr>
            <th style={{ width: '16%' }}>地区</th>
            <th>确认异常（起）</th>
            <th>已剔除交易（笔）</th>
            <th>审核中交易（笔，仍计入指标）</th>
          </tr>
        </thead>
        <tbody>
          {[...bulletin.regions.map((r) => ({ r, total: false })), { r: province, total: true }].map(({ r, total }) => (
            <tr key={r.region} className={total ? 'total' : undefined}>
              <td className="region">{rowName(r, total)}</td>
              <td className="num">{r.confirmedAnomalies}</td>
              <td className="num">{r.dealsRemoved}</td>
              <td className="num">{r.dealsUnderReview}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="note">
        注：本表为省级审核的跨地市异常（各地市自行审核的本地异常不随数据报送，不在此表）；确认异常的交易已从全部指标中剔除；一起跨地市异常同时计入所涉各地区，全省合计只计一次。生成日期：
        {bulletin.generatedOn}。
      </div>
    </section>
  );
}
