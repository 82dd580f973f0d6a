// The ed25519 key that signs the audit checkpoints. It must never be in the database the checkpoints vouch for:
// whoever owns the database could then sign a rewritten log. AUDIT_SIGNING_KEY (PEM or base64 PKCS#8) when set,
// else generated once into DATA_DIR (mode 600), as the JWT secret is. Back it up apart from the database.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditPublicKey } from '@konkurs/shared';

/** The private key in `text`: PEM, or the base64 of its PKCS#8 DER. Throws unless it is an ed25519 private key. */
export function parseAuditKey(text: string): KeyObject {
  const trimmed = text.trim();
  const key = trimmed.startsWith('-----BEGIN')
    ? createPrivateKey(trimmed)
    : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`an ${key.asymmetricKeyType} key, not ed25519`);
  return key;
}

export function generateAuditKey(): KeyObject {
  return generateKeyPairSync('ed25519').privateKey;
}

/** The configured key, or the one kept in DATA_DIR/audit-signing-key (made on the first start). */
export function loadAuditKey(configured: string | undefined, dataDir: string): KeyObject {
  if (configured) return parseAuditKey(configured);
  const file = join(dataDir, 'audit-signing-key');
  if (existsSync(file)) return parseAuditKey(readFileSync(file, 'utf8'));
  const key = generateAuditKey();
  writeFileSync(file, key.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
  return key;
}

/** What anyone needs to check a checkpoint: the raw 32-byte key in base64, and the same key as SPKI PEM. */
export function publicKeyOf(privateKey: KeyObject): AuditPublicKey {
  const publicKey = createPublicKey(privateKey);
  const { x } = publicKey.export({ format: 'jwk' });
  return { algorithm: 'ed25519', publicKey: Buffer.from(x!, 'base64url').toString('base64'), pem: String(publicKey.export({ format: 'pem', type: 'spki' })) };
}
