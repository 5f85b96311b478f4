// What the desk says when a `.pdbatch` file is opened with it (double-click, "open with"): runs in the core process,
// which knows the installation. A .pdbatch is a city's signed report for the province (docs/architecture.md §4).
import { batchBody, batchEnvelope } from '../shared/sync/batch';
import { PROVINCE_CODE, regionName } from '../shared/domain/regions';

export interface BatchFileVerdict {
  type: 'info' | 'warning' | 'error';
  message: string;
  detail: string;
}

export interface Installation {
  setUp: boolean;
  region: string | null;
  installationId: string | null;
}

const regionText = (code: string) => regionName(code) ?? `地区 ${code}`;

/** The batch a file carries, or why it is not one. */
function readBatch(text: string):
  | {
      ok: true;
      region: string;
      installationId: string;
      seqFrom: number;
      seqTo: number;
      records: number;
      batchId: string;
    }
  | { ok: false } {
  try {
    const envelope = batchEnvelope.safeParse(JSON.parse(text));
    if (!envelope.success) return { ok: false };
    const body = batchBody.safeParse(JSON.parse(envelope.data.batch));
    if (!body.success) return { ok: false };
    const b = body.data;
    return {
      ok: true,
      region: b.region,
      installationId: b.installationId,
      seqFrom: b.seqFrom,
      seqTo: b.seqTo,
      records: b.records.length,
      batchId: b.batchId,
    };
  } catch {
    return { ok: false };
  }
}

/** `text` is the file's content, or the error reading it gave. */
export function batchFileVerdict(file: string, text: string | Error, here: Installation): BatchFileVerdict {
  const name = file.split(/[\\/]/).pop() ?? file;
  if (text instanceof Error)
    return {
      type: 'error',
      message: `无法读取报送文件“${name}”`,
      detail: `${text.message}\n请确认文件仍在原处（移动存储设备已插好）后重新打开。`,
    };
  const batch = readBatch(text);
  if (!batch.ok) {
    return {
      type: 'error',
      message: `“${name}”不是有效的报送文件`,
      detail: '文件可能已损坏，或不是由专利转化工作台“导出报送文件”生成的。请向报送的地市重新索取。',
    };
  }
  const facts = `报送地区：${regionText(batch.region)}\n记录：${batch.records} 条（第 ${batch.seqFrom}–${batch.seqTo} 号）\n批次编号：${batch.batchId}`;
  if (!here.setUp || !here.region) {
    return {
      type: 'warning',
      message: '本机尚未完成初始设置，不能处理报送文件',
      detail: `${facts}\n\n请先完成初始设置并登录，再打开此文件。`,
    };
  }
  if (here.region === PROVINCE_CODE) {
    return {
      type: 'info',
      message: `这是${regionText(batch.region)}的报送文件，应由省级接口导入`,
      detail: `${facts}\n\n请在省级接口所在的计算机上运行：\npatent-desk province ingest --db 省级数据库文件 "${file}"\n导入结果与通过网络接收完全相同，重复导入不会重复入库。`,
    };
  }
  if (batch.region !== here.region) {
    return {
      type: 'warning',
      message: `这是${regionText(batch.region)}的报送文件，不是本机（${regionText(here.region)}）导出的`,
      detail: `${facts}\n\n地市工作台不导入报送文件：请将它交给省级导入。`,
    };
  }
  const mine = batch.installationId === here.installationId ? '本机' : `本地区另一台工作台`;
  return {
    type: 'info',
    message: `这是${mine}导出的报送文件，请交给省级导入`,
    detail: `${facts}\n\n省级导入后，接收结果（已接收、部分拒收的原因）和省级反馈会在下次联网同步时出现在“数据同步”页和审核队列中。`,
  };
}
