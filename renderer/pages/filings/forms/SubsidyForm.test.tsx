// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deskBridgeFor } from '../../../../tests/testing/deskBridge';
import { setUpStore } from '../../../../tests/testing/tempStore';
import { renderOnDesk } from '../../../testing/dom';
import { SubsidyForm } from './SubsidyForm';

let store: Awaited<ReturnType<typeof setUpStore>>;
beforeEach(async () => {
  store = await setUpStore('140100');
  renderOnDesk(
    <MemoryRouter initialEntries={['/filings/subsidies/new']}>
      <Routes>
        <Route path="/filings/subsidies/new" element={<SubsidyForm />} />
        <Route path="/filings/subsidies/:id" element={<p>奖补详情</p>} />
      </Routes>
    </MemoryRouter>,
    deskBridgeFor(store.service, store.adminActor),
  );
});
afterEach(() => store.close());

const subsidies = async () => (await store.call('subsidies.list', { status: 'all' })).rows;

async function fill(amount: string) {
  await userEvent.type(screen.getByLabelText('奖补编号'), 'JB-2023-001');
  await userEvent.type(screen.getByLabelText('奖补金额'), amount);
  await userEvent.type(screen.getByLabelText('奖补日期'), '2023-05-06');
  await userEvent.type(screen.getByLabelText('受奖单位名称'), '太原市晋阳精密机械有限公司');
  await userEvent.click(screen.getByRole('button', { name: '保存' }));
}

describe('奖补 form: an amount is saved exactly or not at all', () => {
  it('refuses an amount that is not one, says why at the field, and saves nothing', async () => {
    await fill('十万');
    expect(await screen.findByText(/奖补金额：/)).toBeTruthy();
    expect(screen.queryByText('奖补详情')).toBeNull();
    expect(await subsidies()).toEqual([]);
  });

  it('saves a readable amount in 分 through the contract and opens the record', async () => {
    await fill('12.5');
    expect(await screen.findByText('奖补详情', {}, { timeout: 5000 })).toBeTruthy();
    await waitFor(async () =>
      expect((await subsidies()).map((s) => [s.subsidyNo, s.amountFen])).toEqual([['JB-2023-001', 12_500_000]]),
    );
  });
});
