import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBatchFile } from '../core/sync/fileBatch';
import { recordDeal } from '../core/sync/testing/syncFixtures';
import { setUpStore } from '../tests/testing/tempStore';
import { batchFileVerdict, type Installation } from './batchFileVerdict';
import { batchFilesIn } from './batchFiles';

describe('a .pdbatch file opened with the desk', () => {
  let city: Awaited<ReturnType<typeof setUpStore>>;
  let content = '';
  let installationId = '';
  const file = '/media/u盘/报送批次-140100-1-4.pdbatch';

  beforeAll(async () => {
    city = await setUpStore('140100');
    recordDeal(city.service.store, city.adminActor, '140100');
    content = (await exportBatchFile(city.service.store, city.adminActor, new Date()))!.content;
    installationId = (await city.call('system.status', {})).installationId!;
  });
  afterAll(() => city.close());

  const at = (region: string | null, id: string | null = 'another-installation'): Installation => ({
    setUp: region !== null,
    region,
    installationId: id,
  });

  it('tells the city that exported it to hand it to the province, and where the answer will appear', () => {
    const verdict = batchFileVerdict(file, content, at('140100', installationId));
    expect(verdict).toMatchObject({ type: 'info', message: '这是本机导出的报送文件，请交给省级导入' });
    expect(verdict.detail).toContain('报送地区：太原市');
    expect(verdict.detail).toMatch(/记录：\d+ 条/);
    expect(verdict.detail).toContain('“数据同步”页');
  });

  it('names another installation of the same region as such', () => {
    expect(batchFileVerdict(file, content, at('140100')).message).toBe(
      '这是本地区另一台工作台导出的报送文件，请交给省级导入',
    );
  });

  it('warns a desk of another city that the file is not its own', () => {
    const verdict = batchFileVerdict(file, content, at('140200'));
    expect(verdict).toMatchObject({ type: 'warning', message: '这是太原市的报送文件，不是本机（大同市）导出的' });
  });

  it('tells the province how its endpoint takes the file in', () => {
    const verdict = batchFileVerdict(file, content, at('140000'));
    expect(verdict.message).toBe('这是太原市的报送文件，应由省级接口导入');
    expect(verdict.detail).toContain(`patent-desk province ingest --db 省级数据库文件 "${file}"`);
  });

  it('asks for the first-run setup first', () => {
    expect(batchFileVerdict(file, content, at(null, null)).message).toBe('本机尚未完成初始设置，不能处理报送文件');
  });

  it('refuses a damaged file or one that is not a batch, and says why a file could not be read', () => {
    expect(batchFileVerdict(file, content.slice(0, 200), at('140100'))).toMatchObject({
      type: 'error',
      message: '“报送批次-140100-1-4.pdbatch”不是有效的报送文件',
    });
    expect(batchFileVerdict(file, '{"format":"patent-desk-batch/1"}', at('140100')).type).toBe('error');
    const unreadable = batchFileVerdict(file, new Error('ENOENT: no such file or directory'), at('140100'));
    expect(unreadable).toMatchObject({ type: 'error', message: '无法读取报送文件“报送批次-140100-1-4.pdbatch”' });
  });
});

describe('the .pdbatch files on a command line', () => {
  it('keeps only batch files, resolved from the folder the command ran in', () => {
    const argv = [
      '/opt/专利转化工作台/patent-desk',
      '--no-sandbox',
      '报送.PDBATCH',
      '/media/u/批次.pdbatch',
      'notes.txt',
      '--flag=x.pdbatch',
    ];
    expect(batchFilesIn(argv, '/home/user')).toEqual(['/home/user/报送.PDBATCH', '/media/u/批次.pdbatch']);
  });
});
