/**
 * Where the installation's private signing key lives: never in the store (whose backups travel), but in a key file
 * beside it, 0600. The file also names the installation and the public key it belongs to, so that a store restored on
 * another machine, or a key file copied beside the wrong store, is noticed instead of used. How the private key is
 * kept inside the file is the sealer's business: as it is (the CLI; the file mode protects it) or encrypted by the
 * operating system (the desktop app supplies a sealer over Electron's safeStorage).
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DeskError } from '../service/errors';
import { writePrivateFile } from '../store/fileModes';

export interface StoredKey {
  installationId: string;
  publicKeyPem: string;
  privateKeyPem: string;
}

/** Turns the private key into what is written in the key file and back. */
export interface KeySealer {
  /** Written into the file; a file sealed by another method is refused or, when readable, sealed anew. */
  readonly method: string;
  seal(privateKeyPem: string): Promise<string>;
  open(sealed: string): Promise<string>;
}

export interface KeyVault {
  /** The key file, named in messages. */
  readonly location: string;
  load(): Promise<StoredKey | null>;
  save(key: StoredKey): Promise<void>;
}

export const PLAIN_SEALER: KeySealer = {
  method: 'plain',
  seal: (pem) => Promise.resolve(pem),
  open: (sealed) => Promise.resolve(sealed),
};

const keyFileSchema = z.object({
  installationId: z.string(),
  publicKeyPem: z.string(),
  protection: z.string(),
  privateKey: z.string(),
});

/** The key file of a store: `patent-desk.db` → `patent-desk.key`, in the same folder (not in backups/). */
export function keyFilePath(dbPath: string): string {
  return path.join(path.dirname(dbPath), `${path.basename(dbPath, '.db')}.key`);
}

/** Writes the key file (0600, whole or not at all) with the private key as the sealer made it. */
export function writeKeyFile(file: string, key: StoredKey, protection: string, privateKey: string): void {
  const content = { installationId: key.installationId, publicKeyPem: key.publicKeyPem, protection, privateKey };
  writePrivateFile(file, `${JSON.stringify(content, null, 2)}\n`);
}

export function fileKeyVault(file: string, sealer: KeySealer = PLAIN_SEALER): KeyVault {
  const save = async (key: StoredKey) => writeKeyFile(file, key, sealer.method, await sealer.seal(key.privateKeyPem));
  return {
    location: file,
    save,
    async load() {
      if (!fs.existsSync(file)) return null;
      let parsed;
      try {
        parsed = keyFileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
      } catch {
        parsed = null;
      }
      if (!parsed?.success)
        throw new DeskError('KEY_FILE_INVALID', `签名密钥文件已损坏或不是本程序的密钥文件：${file}。${REENROLL}`);
      const { installationId, publicKeyPem, protection, privateKey } = parsed.data;
      if (protection === sealer.method)
        return { installationId, publicKeyPem, privateKeyPem: await openWith(sealer, privateKey, file) };
      if (protection !== PLAIN_SEALER.method) {
        throw new DeskError(
          'KEY_SEALED',
          `本机签名私钥已由桌面程序交给操作系统加密保管（${file}），命令行无法读取。请在桌面程序中同步或导出报送文件。`,
        );
      }
      // A key the CLI made, opened by the desktop app: from now on it is kept encrypted.
      const key = { installationId, publicKeyPem, privateKeyPem: privateKey };
      await save(key);
      return key;
    },
  };
}

/** A sealed key the OS will not open (another user account or machine, a reset keyring) is a lost key. */
async function openWith(sealer: KeySealer, sealed: string, file: string): Promise<string> {
  try {
    return await sealer.open(sealed);
  } catch {
    throw new DeskError(
      'KEY_UNREADABLE',
      `操作系统无法解开本机签名私钥（${file}），它可能是在另一台电脑或另一个系统账户下保存的。${REENROLL}`,
    );
  }
}

/** What to do when the key is missing or not this store's: never reuse or invent one silently, re-enroll. */
export const REENROLL =
  '为防止冒用，本程序不会沿用或自动生成签名密钥。请由管理员运行 patent-desk key rotate 生成新密钥，再用 patent-desk key --out 导出公钥，交省级管理员用 patent-desk province enroll --replace 重新登记，电话核对指纹后再同步。';
