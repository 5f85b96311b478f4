// The desktop app keeps the private signing key sealed by the operating system (Electron's safeStorage: DPAPI on
// Windows, the Keychain on macOS, libsecret/KWallet on Linux). safeStorage exists only in the main process, while the
// key is used in the core's utility process: the core asks the main process over its port to seal or open, and these
// are the messages both sides speak.
import type { KeySealer } from '../core/sync/keyVault';

export const SAFE_STORAGE = 'safeStorage';

export interface SealRequest {
  sealRequest: { id: number; op: 'seal' | 'open'; text: string };
}

export interface SealReply {
  sealReply: { id: number; text?: string; error?: string };
}

export function isSealRequest(message: unknown): message is SealRequest {
  return typeof message === 'object' && message !== null && 'sealRequest' in message;
}

export function isSealReply(message: unknown): message is SealReply {
  return typeof message === 'object' && message !== null && 'sealReply' in message;
}

/** The core side: a sealer whose work is done by the main process; `receive` takes the replies off the port. */
export function sealerOverPort(post: (request: SealRequest) => void): {
  sealer: KeySealer;
  receive(reply: SealReply): void;
} {
  let nextId = 1;
  const waiting = new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void }>();
  const ask = (op: 'seal' | 'open', text: string) =>
    new Promise<string>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      post({ sealRequest: { id, op, text } });
    });
  return {
    sealer: { method: SAFE_STORAGE, seal: (pem) => ask('seal', pem), open: (sealed) => ask('open', sealed) },
    receive({ sealReply }) {
      const pending = waiting.get(sealReply.id);
      waiting.delete(sealReply.id);
      if (sealReply.text !== undefined) pending?.resolve(sealReply.text);
      else pending?.reject(new Error(sealReply.error ?? 'safeStorage failed'));
    },
  };
}
