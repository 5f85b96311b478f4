// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deskBridgeFor } from '../../../../tests/testing/deskBridge';
import { setUpStore } from '../../../../tests/testing/tempStore';
import { type Session, SessionContext } from '../../../app/session';
import { renderOnDesk } from '../../../testing/dom';
import { KINDS } from '../kinds';
import { RecordDetail } from './RecordDetail';

let store: Awaited<ReturnType<typeof setUpStore>>;
let subsidyId: string;
let session: Session;
beforeEach(async () => {
  store = await setUpStore('140100');
  const subsidy = await store.call('subsidies.create', {
    subsidyNo: 'JB-1',
    recipient: { name: '山西示例科技有限公司', uscc: '91140100MA0K123488', kind: '企业', regionCode: '140100' },
    programName: '专利转化专项奖补',
    amountFen: 10_000_000,
    grantedDate: '2023-12-01',
  });
  subsidyId = subsidy.id;
  await store.call('subsidies.void', { id: subsidyId, reason: '重复录入，予以作废' });
  const [admin] = await store.call('users.list', {});
  session = { status: await store.call('system.status', {}), user: admin!, logout: async () => {} };
});
afterEach(() => store.close());

function showDetail(id = subsidyId) {
  return renderOnDesk(
    <SessionContext.Provider value={session}>
      <MemoryRouter>
        <RecordDetail spec={KINDS.subsidies} id={id} />
      </MemoryRouter>
    </SessionContext.Provider>,
    deskBridgeFor(store.service, store.adminActor),
  );
}

const historyLines = () => within(screen.getByTestId('history')).queryAllByTestId('history-entry');

describe('a record’s detail reads the record and its history through the data layer', () => {
  it('shows the voided record with its history, and a restore reads both again', async () => {
    showDetail();
    expect(await screen.findByText(/^已于 .* 作废：重复录入，予以作废/)).toBeTruthy();
    await waitFor(() => expect(historyLines()).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: '恢复' }));
    const confirm = await screen.findByRole('tooltip');
    fireEvent.click(within(confirm).getByRole('button', { name: '恢复' }));
    expect(await screen.findByText('已恢复')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText(/^已于 .* 作废：/)).toBeNull());
    await waitFor(() => expect(historyLines()).toHaveLength(3));
    expect(historyLines().at(-1)!.textContent).toMatch(/恢复（第 3 版）/);
    expect((await store.call('subsidies.get', { id: subsidyId })).voidedAt).toBeNull();
  });

  it('a record that cannot be read says why in Chinese and shows no page', async () => {
    showDetail('01ARZ3NDEKTSV4RRFFQ69G5FAV');
    await waitFor(() => expect(document.body.textContent).toMatch(/[\u4e00-\u9fa5]/));
    expect(screen.queryByText('奖补详情')).toBeNull();
    expect(screen.queryByTestId('history')).toBeNull();
  });
});
