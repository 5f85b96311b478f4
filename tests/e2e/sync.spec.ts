import Database from 'better-sqlite3';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import {
  ADMIN,
  apiAs,
  expect,
  login,
  provinceArgs,
  runCli,
  screenshot,
  serveProvince,
  test,
  type Desk,
  type ProvinceStore,
} from './fixtures';
import { writeSample } from './sampleWorkbook';

/** A real provincial endpoint (`patent-desk province serve`) on 127.0.0.1, with the desk's key enrolled. */
async function startProvince(
  desk: Desk,
  store: ProvinceStore = { file: path.join(desk.dir, 'province.db') },
): Promise<{ url: string; db: string; child: ChildProcess }> {
  const pem = path.join(desk.dir, 'taiyuan.pem');
  expect(desk.cli(['key', '--out', pem]).status).toBe(0);
  const enroll = runCli(provinceArgs(store, 'enroll', '--region', '140100', '--key', pem));
  expect(enroll.stderr).toBe('');
  const { url, child } = await serveProvince(store);
  return { url, db: 'file' in store ? store.file : '', child };
}

// The same caseworker's day against the province on either of its stores: a SQLite file, a PostgreSQL database.
for (const backend of ['sqlite', 'postgres'] as const)
  test(`数据同步 (province on ${backend}): pending records go to the province with 立即同步; a rejected record shows its 合同编号, the reason in words and opens its deal`, async ({
    page,
    desk,
    postgres,
  }) => {
    test.slow(); // the whole sample workbook (its records, parties and patents) goes to the province, on a 2-core CI machine
    const province = await startProvince(
      desk,
      backend === 'postgres' ? { databaseUrl: await postgres.newDatabase('province_sync') } : undefined,
    );
    try {
      const imported = desk.cli(['import', writeSample(desk)]);
      expect(imported.status, imported.stderr).toBe(0);

      await login(page, desk);
      // Pending records are looked at before the endpoint is set: from then on the background sync may send them.
      await page.getByRole('menuitem', { name: '数据同步' }).click();
      await expect(page.getByRole('heading', { name: '数据同步', exact: true })).toBeVisible();
      await expect(page.getByText(/^[1-9]\d* 条$/)).toBeVisible();
      await expect(page.getByText('还没有报送批次')).toBeVisible();
      await screenshot(page, `sync-pending-${backend}`);

      await page.getByRole('menuitem', { name: '设置' }).click();
      await page.getByLabel('省级接口地址').fill(province.url);
      await page.getByRole('button', { name: '保存' }).click();
      await expect(page.getByText('已保存')).toBeVisible();

      await page.getByRole('tab', { name: '签名密钥' }).click();
      const fingerprint = /公钥指纹：(.+)/.exec(
        desk.cli(['key', '--out', path.join(desk.dir, 'again.pem')]).stdout,
      )![1]!;
      await expect(page.getByLabel('公钥指纹')).toHaveText(fingerprint);
      await screenshot(page, `sync-signing-key-${backend}`);

      await page.getByRole('menuitem', { name: '数据同步' }).click();
      await expect(page.getByRole('button', { name: '立即同步' })).toBeEnabled();
      // The background sync may have started once the address was saved: the click then waits for it and reports.
      await page.getByRole('button', { name: '立即同步' }).click();
      await expect(page.getByText(/同步完成：所有记录均已被省级接收/)).toBeVisible({ timeout: 60_000 });
      await expect(page.getByText('0 条', { exact: true })).toBeVisible();
      await expect(page.getByText('已接收').first()).toBeVisible();
      await expect(page.getByText(/接收 \d+ 条，重复 0 条，拒收 0 条/).first()).toBeVisible();

      // A city-side fault: a deal version whose amount is negative. The province refuses that one record only.
      const city = new Database(desk.dbPath);
      const deal = city.prepare('SELECT * FROM deals LIMIT 1').get() as Record<string, unknown>;
      const faulty = Number(deal.version) + 1;
      city.prepare('UPDATE deals SET version = ? WHERE id = ?').run(faulty, deal.id);
      city
        .prepare(
          "INSERT INTO outbox (entity, entity_id, version, op, payload, created_at) VALUES ('deal', ?, ?, 'upsert', ?, ?)",
        )
        .run(
          deal.id,
          faulty,
          JSON.stringify({ ...deal, version: faulty, amount_fen: -5, patents: [] }),
          new Date().toISOString(),
        );
      city.close();
      await page.reload();
      // Whether 立即同步 or the background sync sends it, the province answers the same.
      await page.getByRole('button', { name: '立即同步' }).click();
      await expect(page.getByText('部分拒收').first()).toBeVisible({ timeout: 30_000 });
      // The batch opens on its rejected record: named by kind and 合同编号, the field by its label, and what to do.
      const rejected = page.getByRole('row', {
        name: `交易 合同编号 ${String(deal.contract_no)} 成交金额 不能为负数，请更正后重新同步`,
        exact: true,
      });
      await expect(rejected).toBeVisible();
      await expect(page.getByText(/amount_fen|INVALID_RECORD/)).toHaveCount(0);
      await expect(page.getByText(String(deal.id))).toHaveCount(0);
      await screenshot(page, `sync-rejected-${backend}`);
      await rejected.getByRole('link', { name: `合同编号 ${String(deal.contract_no)}` }).click();
      await expect(page).toHaveURL(new RegExp(`/filings/deals/${String(deal.id)}$`));
      await expect(page.getByRole('heading', { name: '专利交易详情', exact: true })).toBeVisible();
      await expect(page.getByText(String(deal.contract_no), { exact: true })).toBeVisible();

      // The caseworker corrects the amount; after the next sync the rejection says it has been dealt with.
      await page.getByRole('button', { name: '修改' }).click();
      await page.getByLabel('成交金额', { exact: true }).fill('400');
      await page.getByRole('button', { name: '保存', exact: true }).click();
      await expect(page.getByRole('heading', { name: '专利交易详情', exact: true })).toBeVisible();
      await page.getByRole('menuitem', { name: '数据同步' }).click();
      await page.getByRole('button', { name: '立即同步' }).click();
      // The message of the sync before may still be on screen: wait for this one's.
      await expect(page.getByText(/同步完成：所有记录均已被省级接收/)).toBeVisible({ timeout: 30_000 });
      await page
        .getByRole('button', { name: /展开行|Expand row/ })
        .first()
        .click();
      await expect(
        page.getByRole('row', {
          name: `交易 合同编号 ${String(deal.contract_no)} 已更正，省级已接收新版本 成交金额 不能为负数，请更正后重新同步`,
          exact: true,
        }),
      ).toBeVisible();
      await screenshot(page, `sync-corrected-${backend}`);
    } finally {
      province.child.kill();
    }
  });

test('导出报送文件: the file the page saves is taken in by `province ingest`, and the later sync stores nothing twice', async ({
  page,
  desk,
}) => {
  const province = await startProvince(desk);
  try {
    expect(desk.cli(['import', writeSample(desk)]).status).toBe(0);
    await login(page, desk);
    await page.getByRole('menuitem', { name: '数据同步' }).click();
    await expect(page.getByText('尚未填写省级接口地址')).toBeVisible();
    await expect(page.getByRole('button', { name: '立即同步' })).toBeDisabled();

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出报送文件' }).click();
    const file = await downloading;
    expect(file.suggestedFilename()).toMatch(/^报送批次-140100-1-\d+\.pdbatch$/);
    const saved = path.join(desk.dir, file.suggestedFilename());
    await file.saveAs(saved);
    await expect(page.getByText(/请用移动介质交省级/)).toBeVisible();
    await screenshot(page, 'sync-exported');
    await page.getByRole('button', { name: /知道了|OK|确定/ }).click();

    // The province takes the file in (removable media) …
    const result = desk.cli(['--db', province.db, 'province', 'ingest', saved]);
    expect(result.status, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout) as { accepted: number; duplicates: number; rejected: unknown[] };
    expect(summary.accepted).toBeGreaterThan(0);
    expect(summary.rejected).toEqual([]);

    // … and when the office is online again the same batch goes over HTTP: the same answer, nothing stored twice.
    await page.getByRole('menuitem', { name: '设置' }).click();
    await page.getByLabel('省级接口地址').fill(province.url);
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('已保存')).toBeVisible();
    await page.getByRole('menuitem', { name: '数据同步' }).click();
    await page.getByRole('button', { name: '立即同步' }).click();
    // The message of the sync before may still be on screen: wait for this one's.
    await expect(page.getByText(/同步完成：所有记录均已被省级接收/)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText(`接收 ${summary.accepted} 条，重复 ${summary.duplicates} 条，拒收 0 条`)).toBeVisible();
    const provinceDb = new Database(province.db, { readonly: true });
    expect(provinceDb.prepare('SELECT count(*) FROM province_batches').pluck().get()).toBe(1);
    provinceDb.close();
  } finally {
    province.child.kill();
  }
});

test('a payment refused because its deal was refused names that deal and links to it; 导出报送文件 does not call the refused records received', async ({
  page,
  desk,
}) => {
  const province = await startProvince(desk);
  try {
    const admin = await apiAs(desk, ADMIN);
    const deal = {
      kind: '转让',
      licenseMode: null,
      contractNo: 'HT-E2E-REF',
      contractDate: '2023-03-01',
      recordationDate: null,
      industry: '节能环保',
      amountFen: 50_000_000,
      patents: [
        { number: '202010310978.3', title: '一种煤矸石综合利用方法', filingDate: '2020-04-21', status: '有效' },
      ],
      assignor: { name: '太原理工大学', uscc: '121400004052002036', kind: '高校', regionCode: '140100' },
      assignee: {
        name: '山西示例科技有限公司',
        uscc: '91140100MA0K123488',
        kind: '企业',
        regionCode: '140100',
        size: '小型',
      },
      payments: [{ paidDate: '2023-03-15', amountFen: 20_000_000, voucherNo: 'P1' }],
    };
    const created = await admin.call('deals.create', deal);
    expect(created.ok, created.error?.message).toBe(true);
    const dealId = (created.value as { id: string }).id;
    // A city-side fault in the deal's queued version: the province refuses the deal, and so the payment that points at it.
    const city = new Database(desk.dbPath);
    city.prepare("UPDATE outbox SET payload = json_set(payload, '$.amount_fen', -5) WHERE entity = 'deal'").run();
    city.close();
    expect((await admin.call('settings.updateGeneral', { provinceEndpointUrl: province.url })).ok).toBe(true);

    await login(page, desk);
    await page.getByRole('menuitem', { name: '数据同步' }).click();
    await page.getByRole('button', { name: '立即同步' }).click();
    await expect(page.getByText('部分拒收').first()).toBeVisible({ timeout: 30_000 });
    const payment = page.locator('tr[data-row-key^="payment:"]');
    await expect(payment).toContainText('它引用的交易省级尚未收到');
    await expect(payment).toContainText('引用的记录：交易 合同编号 HT-E2E-REF');
    await screenshot(page, 'sync-rejected-reference');

    // Nothing new is pending, but two records were refused: the page does not say everything was received.
    await page.getByRole('button', { name: '导出报送文件' }).click();
    await expect(page.getByText(/没有新的待报送记录，但有 2 条记录被省级拒收/)).toBeVisible();
    await expect(page.getByText(/所有记录都已被省级接收/)).toHaveCount(0);

    await payment.getByRole('link', { name: '合同编号 HT-E2E-REF', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/filings/deals/${dealId}$`));
  } finally {
    province.child.kill();
  }
});
