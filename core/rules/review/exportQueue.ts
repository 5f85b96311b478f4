import ExcelJS from 'exceljs';
import type { FileDownload } from '../../../shared/contract/common';
import type { QueueFilters } from '../../../shared/contract/rules';
import { todayIso } from '../../../shared/domain/dates';
import type { ReadHandle } from '../../store/store';
import { listQueue } from './queue';

const COLUMNS = [
  { header: '规则', key: 'rule', width: 8 },
  { header: '规则名称', key: 'ruleName', width: 14 },
  { header: '地区', key: 'region', width: 12 },
  { header: '来源', key: 'source', width: 10 },
  { header: '状态', key: 'status', width: 12 },
  { header: '合同编号', key: 'contracts', width: 24 },
  { header: '质押登记号', key: 'pledges', width: 18 },
  { header: '奖补编号', key: 'subsidies', width: 18 },
  { header: '说明', key: 'explanation', width: 80 },
  { header: '首次发现', key: 'firstSeen', width: 12 },
  { header: '已等待（天）', key: 'age', width: 12 },
  { header: '最近结论', key: 'decision', width: 12 },
  { header: '审核理由', key: 'reason', width: 40 },
  { header: '审核人', key: 'reviewer', width: 12 },
  { header: '审核时间', key: 'decidedAt', width: 20 },
];

const MAX_EXPORT_ROWS = 1_000_000;

/** The queue with the filters on screen, every matching row, as an xlsx workbook. */
export async function exportQueue(db: ReadHandle, filters: QueueFilters, now: Date): Promise<FileDownload> {
  const { rows } = listQueue(db, filters, now, { offset: 0, limit: MAX_EXPORT_ROWS });
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('异常审核');
  sheet.columns = COLUMNS;
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows) {
    sheet.addRow({
      rule: r.ruleId,
      ruleName: r.ruleName,
      region: r.regionName,
      source: r.source,
      status: r.active ? r.status : `${r.status}（已不再命中）`,
      contracts: r.contracts.join('、'),
      pledges: r.pledges.join('、'),
      subsidies: r.subsidies.join('、'),
      explanation: r.explanation,
      firstSeen: r.firstSeenAt.slice(0, 10),
      age: r.ageDays,
      decision: r.lastDecision?.decision ?? '',
      reason: r.lastDecision?.reason ?? '',
      reviewer: r.lastDecision?.reviewerName ?? '',
      decidedAt: r.lastDecision?.decidedAt.replace('T', ' ').slice(0, 19) ?? '',
    });
  }
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  return {
    fileName: `异常审核清单-${todayIso(now)}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: buffer.toString('base64'),
  };
}
