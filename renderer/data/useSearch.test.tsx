// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskBridge } from '../../shared/contract/bridge';
import { deskBridgeFor } from '../../tests/testing/deskBridge';
import { setUpStore } from '../../tests/testing/tempStore';
import { renderOnDesk } from '../testing/dom';
import { call } from '../transport/desk';
import { useSearch } from './useSearch';

let store: Awaited<ReturnType<typeof setUpStore>>;
beforeEach(async () => {
  store = await setUpStore('140100');
  const recipients = [
    { name: '山西示例科技有限公司', uscc: '91140100MA0K123488' },
    { name: '太原重工机械有限公司', uscc: null },
  ];
  for (const [i, recipient] of recipients.entries())
    await store.call('subsidies.create', {
      subsidyNo: `JB-${i + 1}`,
      recipient: { ...recipient, uscc: recipient.uscc ?? '', kind: '企业', regionCode: '140100', size: '小型' },
      programName: '专利转化专项奖补',
      amountFen: 10_000_000,
      grantedDate: '2023-12-01',
    });
});
afterEach(() => store.close());

const WAIT_MS = 40;
const settle = () => new Promise((resolve) => setTimeout(resolve, WAIT_MS * 5));

const names = (text: string) =>
  call('parties.search', { query: text, limit: 12 }).then((found) => found.map((p) => p.name));

/** A box that finds parties as the caseworker types, as the filing forms' party picker does. */
function PartyFinder() {
  const [text, setText] = useState('');
  const { found, error } = useSearch(text, names, WAIT_MS);
  return (
    <>
      <input aria-label="单位名称" value={text} onChange={(e) => setText(e.target.value)} />
      <p>{found === null ? '未查找' : `找到：${found.join('、') || '无'}`}</p>
      {error && <p role="alert">{error}</p>}
    </>
  );
}

/** The desk with its party searches counted and, while `hold` says so for a text, held until `release` is called. */
function watchedDesk(hold: (query: string) => boolean = () => false) {
  const desk = deskBridgeFor(store.service, store.adminActor);
  const asked: string[] = [];
  const held: (() => void)[] = [];
  const watched: DeskBridge = {
    ...desk,
    'parties.search': async (input) => {
      asked.push(input.query);
      if (hold(input.query)) await new Promise<void>((resolve) => held.push(resolve));
      return desk['parties.search'](input);
    },
  };
  return { desk: watched, asked, release: () => held.splice(0).forEach((go) => go()) };
}

const type = (text: string) => fireEvent.change(screen.getByLabelText('单位名称'), { target: { value: text } });

describe('useSearch: a search box that asks as the caseworker types', () => {
  it('asks once the typing pauses, not once a letter, and shows what it found', async () => {
    const { desk, asked } = watchedDesk();
    renderOnDesk(<PartyFinder />, desk);
    type('山');
    type('山西');
    type('山西示例');
    expect(await screen.findByText('找到：山西示例科技有限公司')).toBeTruthy();
    expect(asked).toEqual(['山西示例']);
  });

  it('shows only the answer to the latest text: a slow answer to a text typed over comes too late to count', async () => {
    const { desk, asked, release } = watchedDesk((query) => query === '山西');
    renderOnDesk(<PartyFinder />, desk);
    type('山西');
    await waitFor(() => expect(asked).toEqual(['山西']));
    type('太原');
    expect(await screen.findByText('找到：太原重工机械有限公司')).toBeTruthy();
    release();
    await settle();
    expect(screen.getByText('找到：太原重工机械有限公司')).toBeTruthy();
    expect(screen.queryByText(/山西示例/)).toBeNull();
  });

  it('keeps the last answer while the next text is asked, and an empty box shows and asks nothing', async () => {
    const { desk, asked, release } = watchedDesk((query) => query === '有限公司');
    renderOnDesk(<PartyFinder />, desk);
    type('太原');
    expect(await screen.findByText('找到：太原重工机械有限公司')).toBeTruthy();
    type('有限公司');
    await waitFor(() => expect(asked).toEqual(['太原', '有限公司']));
    expect(screen.getByText('找到：太原重工机械有限公司')).toBeTruthy();
    release();
    expect(await screen.findByText('找到：山西示例科技有限公司、太原重工机械有限公司')).toBeTruthy();
    type('   ');
    expect(screen.getByText('未查找')).toBeTruthy();
    await settle();
    expect(asked).toEqual(['太原', '有限公司']);
  });

  it('finding nothing is an answer; a refused text gives the desk’s Chinese reason', async () => {
    const { desk } = watchedDesk();
    renderOnDesk(<PartyFinder />, desk);
    type('大同');
    expect(await screen.findByText('找到：无')).toBeTruthy();
    type('长'.repeat(101));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/[\u4e00-\u9fa5]/);
    expect(screen.getByText('未查找')).toBeTruthy();
  });
});
