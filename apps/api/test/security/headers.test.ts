// The browser protections (plugins/headers.ts): the SPA's HTML runs only our own script files and cannot be
// framed, API answers forbid everything and are not stored when a session asked for them, public data keeps
// its caching, and the API docs still load. The SPA is served from a fixture dist folder shaped as Vite's.
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helper.js';
import { call, makeUser, type TestUser } from '../fixtures.js';

const INDEX = '<!doctype html><html lang="ru"><head><script type="module" crossorigin src="/assets/index-abc.js"></script></head><body><div id="root"></div></body></html>';

let t: TestApp;
let dist: string;
let applicant: TestUser;
beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'konkurs-dist-'));
  await mkdir(join(dist, 'assets'));
  await writeFile(join(dist, 'index.html'), INDEX);
  await writeFile(join(dist, 'assets/index-abc.js'), 'console.log(1)');
  // Behind a proxy on this host, as production is: X-Forwarded-Proto tells whether the browser came over TLS.
  t = await createTestApp({ webRoot: dist, env: { TRUST_PROXY: 'loopback' } });
  applicant = await makeUser(t, 'applicant');
});
afterAll(async () => {
  await t?.close();
  await rm(dist, { recursive: true, force: true });
});

/** The directives of a Content-Security-Policy header: `{ 'script-src': ["'self'"], … }`. */
function directives(header: unknown): Record<string, string[]> {
  const entries = String(header ?? '').split(';').map((d) => d.trim().split(/\s+/)).filter(([name]) => name);
  return Object.fromEntries(entries.map(([name, ...values]) => [name, values]));
}

describe('the SPA', () => {
  it.each(['/', '/competitions/123', '/applications/abc/print'])('serves %s with a policy that runs no inline script and forbids framing', async (url) => {
    const r = await t.request.get(url);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toContain('text/html');
    // Revalidated each time, so a change of the policy (or of the build) reaches every browser at once.
    expect(r.headers['cache-control']).toBe('no-cache');
    const csp = directives(r.headers['content-security-policy']);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['script-src-attr']).toEqual(["'none'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['base-uri']).toEqual(["'none'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.headers['referrer-policy']).toBe('no-referrer');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['permissions-policy']).toContain('camera=()');
  });

  it('keeps its policy when the browser revalidates it: a 304 sends none to replace the stored one', async () => {
    const first = await t.request.get('/');
    const again = await t.request.get('/').set('if-none-match', first.headers.etag);
    expect(again.status).toBe(304);
    expect(again.headers['content-security-policy']).toBeUndefined();
  });

  it('has no inline script in its source page, so the built one has none either (Vite keeps them as files)', async () => {
    const html = await readFile(new URL('../../../web/index.html', import.meta.url), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc=/);
      expect(body.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  });

  it('sends HSTS only over TLS (behind the proxy that ends it)', async () => {
    expect((await t.request.get('/')).headers['strict-transport-security']).toBeUndefined();
    const secure = await t.request.get('/').set('x-forwarded-proto', 'https');
    expect(secure.headers['strict-transport-security']).toMatch(/^max-age=\d{7,}/);
  });
});

describe('API answers', () => {
  it('forbid everything and framing, and are not stored when signed in', async () => {
    const r = await call(t, applicant.token, 'GET', '/api/v1/auth/me');
    expect(r.status).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
    expect(directives(r.headers['content-security-policy'])).toEqual({ 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] });
    expect(r.headers['x-frame-options']).toBe('DENY');
  });

  it('are not stored when refused either', async () => {
    for (const token of [null, 'not-a-token']) {
      const r = await call(t, token, 'GET', '/api/v1/auth/me');
      expect(r.status).toBe(401);
      expect(r.headers['cache-control']).toBe('no-store');
      expect(directives(r.headers['content-security-policy'])['frame-ancestors']).toEqual(["'none'"]);
    }
    expect((await call(t, applicant.token, 'GET', '/api/v1/no-such-thing')).headers['cache-control']).toBe('no-store');
  });

  it.each(['/api/v1/open-data', '/api/v1/regions'])('let public data %s keep its caching, but not when a session asked for it', async (url) => {
    const anonymous = await call(t, null, 'GET', url);
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers['cache-control']).toMatch(/^public, max-age=\d+$/);
    const signedIn = await call(t, applicant.token, 'GET', url);
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers['cache-control']).toBe('no-store');
  });

  it('health answers are not stored either', async () => {
    const r = await call(t, null, 'GET', '/api/ready');
    expect(r.headers['cache-control']).toBe('no-store');
  });
});

describe('the API docs', () => {
  it('load under the HTML policy: every script is one of its own files, and the document is there', async () => {
    const page = await t.request.get('/api/docs/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(directives(page.headers['content-security-policy'])['script-src']).toEqual(["'self'"]);
    const scripts = [...page.text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      const src = /src="([^"]+)"/.exec(attrs)?.[1];
      expect(src, attrs).toMatch(/^\.\//);
      expect(body.trim()).toBe('');
      expect((await t.request.get(`/api/docs/${src!.slice(2)}`)).status).toBe(200);
    }
    const doc = await t.request.get('/api/docs/json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
  });
});
