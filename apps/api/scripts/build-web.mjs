// Builds the SPA that the API serves (apps/web/dist) only when what goes into it changed since the last
// build: a hash of the inputs is kept in dist/.build-stamp, so `pnpm start` after `pnpm start` starts at once.
// FORCE_WEB_BUILD=1 builds anyway. Run: node apps/api/scripts/build-web.mjs
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const WEB = join(ROOT, 'apps/web');
const DIST = join(WEB, 'dist');
const STAMP = join(DIST, '.build-stamp');
/** What the bundle is made of: the SPA's sources, the shared package, and the versions they are built with. */
const INPUTS = ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.ts', 'apps/web/package.json', 'packages/shared/src', 'packages/shared/package.json', 'pnpm-lock.yaml'];

function files(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).sort().flatMap((name) => files(join(path, name)));
}

function inputsHash() {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((p) => files(join(ROOT, p)))) {
    hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

const hash = inputsHash();
const built = existsSync(join(DIST, 'index.html')) && existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : '';
if (built === hash && !process.env.FORCE_WEB_BUILD) {
  console.log('web: sources unchanged since the last build, apps/web/dist kept');
} else {
  const r = spawnSync('pnpm', ['--filter', '@konkurs/web', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  writeFileSync(STAMP, `${hash}\n`);
}
