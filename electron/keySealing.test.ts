import { describe, expect, it } from 'vitest';
import { isSealReply, isSealRequest, sealerOverPort, type SealReply, type SealRequest } from './keySealing';

describe('key sealing between the core process and the main process', () => {
  it('answers each seal and open by its id, in whatever order the replies come, and passes a failure on', async () => {
    const sent: SealRequest[] = [];
    const { sealer, receive } = sealerOverPort((request) => sent.push(request));
    const sealed = sealer.seal('-----BEGIN PRIVATE KEY-----');
    const opened = sealer.open('c2VhbGVk');
    const failed = sealer.open('broken');
    expect(sent.map((m) => isSealRequest(m) && m.sealRequest.op)).toEqual(['seal', 'open', 'open']);
    const replies: SealReply[] = [
      {
        sealReply: {
          id: sent[2]!.sealRequest.id,
          error: 'Error while decrypting the ciphertext provided to safeStorage.decryptString.',
        },
      },
      { sealReply: { id: sent[1]!.sealRequest.id, text: 'opened' } },
      { sealReply: { id: sent[0]!.sealRequest.id, text: 'sealed' } },
    ];
    for (const reply of replies) if (isSealReply(reply)) receive(reply);
    await expect(sealed).resolves.toBe('sealed');
    await expect(opened).resolves.toBe('opened');
    await expect(failed).rejects.toThrow(/decrypting/);
    expect(sealer.method).toBe('safeStorage');
  });
});
