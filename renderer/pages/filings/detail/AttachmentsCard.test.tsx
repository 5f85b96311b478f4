// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AttachmentView } from '../../../../shared/contract/filings/attachments';
import { filingsSamples } from '../../../../tests/testing/filingsSamples';
import { deskBridgeFor } from '../../../../tests/testing/deskBridge';
import { setUpStore } from '../../../../tests/testing/tempStore';
import { renderOnDesk } from '../../../testing/dom';
import { AttachmentsCard } from './AttachmentsCard';

let store: Awaited<ReturnType<typeof setUpStore>>;
let subsidyId: string;
beforeEach(async () => {
  store = await setUpStore('140100');
  // A subsidy of the contract walk's samples (needs nothing recorded before it).
  const subsidy = await store.call('subsidies.create', filingsSamples['subsidies.create'](new Map()));
  subsidyId = subsidy.id;
  await store.call('attachments.add', {
    entity: 'subsidy',
    entityId: subsidyId,
    fileName: '批复.pdf',
    contentBase64: Buffer.from('%PDF-1.4').toString('base64'),
  });
});
afterEach(() => store.close());

const attachments = async () => (await store.call('subsidies.get', { id: subsidyId })).attachments;

function showCard(shown: AttachmentView[], changes: string[]) {
  renderOnDesk(
    <AttachmentsCard
      entity="subsidy"
      id={subsidyId}
      attachments={shown}
      canEdit
      onChange={() => changes.push('changed')}
    />,
    deskBridgeFor(store.service, store.adminActor),
  );
}

describe('附件 card: removing goes through the desk and the record is read again', () => {
  it('removes the attachment and asks the record to be read again', async () => {
    const changes: string[] = [];
    showCard(await attachments(), changes);
    fireEvent.click(screen.getByText('移除'));
    await waitFor(() => expect(changes).toEqual(['changed']));
    expect(await attachments()).toEqual([]);
  });

  it('a refused removal says why in Chinese and reads nothing again', async () => {
    const shown = await attachments();
    await store.call('attachments.void', { id: shown[0]!.id });
    const changes: string[] = [];
    showCard(shown, changes);
    fireEvent.click(screen.getByText('移除'));
    expect(await screen.findByText('找不到该附件，可能已被作废或编号有误')).toBeTruthy();
    expect(changes).toEqual([]);
  });
});
