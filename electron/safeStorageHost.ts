// The main process's half of key sealing (keySealing.ts): safeStorage, where the operating system really offers it.
import { safeStorage } from 'electron';
import { SAFE_STORAGE, type SealReply, type SealRequest } from './keySealing';

/**
 * Whether the OS protects what safeStorage seals. On Linux without a keyring Electron falls back to a fixed password
 * ('basic_text'), which protects nothing: the key then stays in its 0600 file as the CLI keeps it.
 */
export function keyProtection(): string {
  if (!safeStorage.isEncryptionAvailable()) return 'plain';
  if (process.platform === 'linux' && ['basic_text', 'unknown'].includes(safeStorage.getSelectedStorageBackend()))
    return 'plain';
  return SAFE_STORAGE;
}

export function answerSealRequest({ sealRequest: { id, op, text } }: SealRequest): SealReply {
  try {
    const result =
      op === 'seal'
        ? safeStorage.encryptString(text).toString('base64')
        : safeStorage.decryptString(Buffer.from(text, 'base64'));
    return { sealReply: { id, text: result } };
  } catch (error) {
    return { sealReply: { id, error: (error as Error).message } };
  }
}
