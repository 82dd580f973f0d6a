// The checkpoint signing key lives outside the database: from AUDIT_SIGNING_KEY (PEM or base64 PKCS#8), else made
// once into DATA_DIR with mode 600 and read back on every start, so published checkpoints keep verifying.
import { afterAll, describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAuditKey, parseAuditKey, publicKeyOf } from '../../src/lib/audit-key.js';
import { loadConfig } from '../../src/config.js';

const dirs: string[] = [];
afterAll(async () => { await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))); });

describe('the audit signing key', () => {
  it('is made once into DATA_DIR, readable by the owner only, and the same key on the next start', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'konkurs-key-'));
    dirs.push(dir);
    const first = loadAuditKey(undefined, dir);
    expect((await stat(join(dir, 'audit-signing-key'))).mode & 0o777).toBe(0o600);
    expect(publicKeyOf(loadAuditKey(undefined, dir))).toEqual(publicKeyOf(first));
  });

  it('comes from AUDIT_SIGNING_KEY as PEM or as base64 PKCS#8, before any kept file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'konkurs-key-'));
    dirs.push(dir);
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = String(privateKey.export({ format: 'pem', type: 'pkcs8' }));
    const der = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    expect(publicKeyOf(loadAuditKey(pem, dir))).toEqual(publicKeyOf(privateKey));
    expect(publicKeyOf(parseAuditKey(der))).toEqual(publicKeyOf(privateKey));
    expect(publicKeyOf(privateKey).publicKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  it('a setting that is not an ed25519 private key stops the start, as does an owner URL without DATABASE_URL', () => {
    const rsa = String(generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }));
    for (const value of [rsa, 'not a key', Buffer.from('short').toString('base64')]) {
      expect(() => loadConfig({ AUDIT_SIGNING_KEY: value })).toThrow(/AUDIT_SIGNING_KEY: an ed25519 private key/);
    }
    expect(() => loadConfig({ DATABASE_OWNER_URL: 'postgres://owner@localhost/konkurs' })).toThrow(/DATABASE_OWNER_URL: needs DATABASE_URL/);
  });
});
