import { describe, expect, it } from 'vitest';
import { generateKeyPair, keyFingerprint, readableFingerprint, sign, verify } from './signing';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

describe('Ed25519 signatures over batches', () => {
  const pair = generateKeyPair();
  const data = Buffer.from('{"batchId":"01J…","records":[]}', 'utf8');

  it('verifies what was signed and nothing else', () => {
    const signature = sign(pair.privateKeyPem, data);
    expect(verify(pair.publicKeyPem, data, signature)).toBe(true);
    expect(verify(pair.publicKeyPem, Buffer.from('{"batchId":"01J…","records":[1]}'), signature)).toBe(false);
    expect(verify(generateKeyPair().publicKeyPem, data, signature)).toBe(false);
  });

  it('refuses another spelling of the same signature bytes (base64 slack bits)', () => {
    const signature = sign(pair.privateKeyPem, data);
    // 64 bytes end in one byte: two characters and "==", the second carrying four unused bits.
    const last = signature.at(-3)!;
    const respelled = `${signature.slice(0, -3)}${B64[B64.indexOf(last) ^ 1]}==`;
    expect(Buffer.from(respelled, 'base64').equals(Buffer.from(signature, 'base64'))).toBe(true);
    expect(verify(pair.publicKeyPem, data, respelled)).toBe(false);
  });

  it('names a key by a fingerprint a person can read aloud', () => {
    const fingerprint = keyFingerprint(pair.publicKeyPem);
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(readableFingerprint(fingerprint)).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
  });
});
