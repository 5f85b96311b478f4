import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setUpStore } from '../../tests/testing/tempStore';
import { workbookOf } from '../importing/fixtures/generateRows';
import { importBytes } from '../importing/testing';
import { templateWorkbook } from '../importing/template';

type Desk = Awaited<ReturnType<typeof setUpStore>>;

// 专利号, 专利名称, 权利人名称, 权利人统一社会信用代码, 权利人类型, 权利人所在地, 所属产业, IPC分类号, 关键词, 摘要, 转化意向与报价,
// 开放许可, 开放许可使用费（万元）, 开放许可期限（年）, 状态
const supplyRow = [
  'ZL202311303481.9',
  '一种石墨烯负极材料的制备方法',
  '太原理工大学',
  '',
  '高校',
  '太原',
  '碳基新材料',
  'H01M 4/36',
  '石墨烯，负极材料',
  '提高循环寿命',
  '许可优先',
  '是',
  '2',
  '3年',
  '',
];
// 需求编号, 企业名称, 企业统一社会信用代码, 企业规模, 企业所在地, 所属产业, 需求描述, 关键词, 预算（万元）, 紧迫程度
const needRow = [
  'XQ-001',
  '长治市潞安新能源科技有限公司',
  '',
  '小型',
  '长治市',
  '碳基新材料',
  '希望提高负极材料的循环寿命',
  '负极材料',
  '50',
  '较急',
];

describe('import sheets 专利供给 and 技术需求', () => {
  let desk: Desk;
  beforeEach(async () => {
    desk = await setUpStore('140100');
  });
  afterEach(() => desk.close());

  it('has both sheets in the template with their exact Chinese headers', async () => {
    const template = templateWorkbook();
    const names = template.worksheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['专利供给', '技术需求']));
    const headers = (name: string) => (template.getWorksheet(name)!.getRow(1).values as unknown[]).slice(1);
    expect(headers('专利供给')).toEqual([
      '专利号',
      '专利名称',
      '权利人名称',
      '权利人统一社会信用代码',
      '权利人类型',
      '权利人所在地',
      '所属产业',
      'IPC分类号',
      '关键词',
      '摘要',
      '转化意向与报价',
      '开放许可',
      '开放许可使用费（万元）',
      '开放许可期限（年）',
      '状态',
    ]);
    expect(headers('技术需求')).toEqual([
      '需求编号',
      '企业名称',
      '企业统一社会信用代码',
      '企业规模',
      '企业所在地',
      '所属产业',
      '需求描述',
      '关键词',
      '预算（万元）',
      '紧迫程度',
    ]);
  });

  it('imports offers and needs that then match, and a second import of the same file adds nothing', async () => {
    const bytes = await workbookOf({ 专利供给: [supplyRow], 技术需求: [needRow] });
    const first = await importBytes(desk.call, bytes);
    expect(first.report).toMatchObject({ new: 2, rejected: [] });
    const again = await importBytes(desk.call, bytes);
    expect(again.report).toMatchObject({ new: 0, unchanged: 2 });

    const [supply] = (await desk.call('matching.supply.list', { openLicenseOnly: true })).rows;
    expect(supply).toMatchObject({
      patentNumber: '202311303481.9',
      ownerName: '太原理工大学',
      openLicenseFeeFen: 2_000_000,
      openLicenseYears: 3,
      status: '在库',
    });
    const [need] = (await desk.call('matching.needs.list', {})).rows;
    expect(need).toMatchObject({
      needNo: 'XQ-001',
      enterpriseSize: '小型',
      enterpriseRegion: '140400',
      budgetFen: 50_000_000,
      urgency: '较急',
    });
    const { matches } = await desk.call('matching.forNeed', { needId: need!.id });
    expect(matches[0]?.supply.patentNumber).toBe('202311303481.9');
  });

  it('reports a bad row with its sheet, row, column and a Chinese reason', async () => {
    const noTerm = supplyRow.map((cell, i) => (i === 13 ? '' : cell));
    const badUrgency = needRow.map((cell, i) => (i === 9 ? '十万火急' : cell));
    const job = await importBytes(desk.call, await workbookOf({ 专利供给: [noTerm], 技术需求: [badUrgency] }));
    expect(job.report?.rejected).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          sheet: '专利供给',
          row: 2,
          column: '开放许可期限（年）',
          reason: '声明开放许可的专利请填写许可期限（年）',
        }),
        expect.objectContaining({
          sheet: '技术需求',
          row: 2,
          column: '紧迫程度',
          reason: '应为 一般、较急、紧急 之一，当前为“十万火急”',
        }),
      ]),
    );
  });
});
