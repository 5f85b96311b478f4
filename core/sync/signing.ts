import crypto from 'node:crypto';

/** Ed25519 with node:crypto. Keys travel as PEM (SPKI public, PKCS#8 private). */
export interface KeyPair {
  publicKeyPem: string;
  privateKeyPem: string;
}

export function generateKeyPair(): KeyPair {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** sha256 (hex) of the public key's SPKI DER: names a key in batches and at enrollment. */
export function keyFingerprint(publicKeyPem: string): string {
  const der = crypto.createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return crypto.createHash('sha256').update(der).digest('hex');
}

/** The fingerprint in groups of four, upper case, for a person to compare by eye or over the phone. */
export function readableFingerprint(fingerprint: string): string {
  return fingerprint.toUpperCase().replace(/(.{4})(?=.)/g, '$1 ');
}

/** Whether the private key is the one the public key belongs to (a key file could hold any pair). */
export function isKeyPair(publicKeyPem: string, privateKeyPem: string): boolean {
  try {
    return crypto.createPublicKey(privateKeyPem).export({ type: 'spki', format: 'pem' }).toString() === publicKeyPem;
  } catch {
    return false;
  }
}

export function sign(privateKeyPem: string, data: Buffer): string {
  return crypto.sign(null, data, crypto.createPrivateKey(privateKeyPem)).toString('base64');
}

export function verify(publicKeyPem: string, data: Buffer, signature: string): boolean {
  try {
    const bytes = Buffer.from(signature, 'base64');
    // Only the canonical spelling: base64 lets a few different strings decode to the same bytes.
    if (bytes.toString('base64') !== signature) return false;
    return crypto.verify(null, data, crypto.createPublicKey(publicKeyPem), bytes);
  } catch {
    return false;
  }
}

/** Reads a PEM as an Ed25519 public key; null when it is not one. */
export function parsePublicKey(pem: string): string | null {
  try {
    const key = crypto.createPublicKey(pem);
    if (key.asymmetricKeyType !== 'ed25519') return null;
    return key.export({ type: 'spki', format: 'pem' }).toString();
  } catch {
    return null;
  }
}

export function sha256Hex(data: string | Buffer): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}
