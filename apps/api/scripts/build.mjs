// Production build of the API: src/server.ts and src/worker.ts (`pnpm worker`) bundled by esbuild into dist/server.js
// and dist/worker.js, and the PDF layout thread into dist/lib/pdf-thread.js (ESM, Node 20, with source maps).
// @konkurs/shared is TypeScript source, so it is bundled in; every other package stays an import resolved from
// node_modules at run time. Run: node scripts/build.mjs (pnpm build).
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const API_DIR = fileURLToPath(new URL('..', import.meta.url));

/** Bare imports (packages) stay external, except the workspace's own. */
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@konkurs/') ? undefined : { path: args.path, external: true }));
  },
};

const started = Date.now();
rmSync(`${API_DIR}dist`, { recursive: true, force: true });
await build({
  absWorkingDir: API_DIR,
  // lib/pdf-thread.ts: the worker thread PDFs are laid out in (lib/pdf.ts starts dist/lib/pdf-thread.js).
  entryPoints: ['src/server.ts', 'src/worker.ts', 'src/lib/pdf-thread.ts'],
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  plugins: [externalPackages],
  logLevel: 'warning',
});
console.log(`api: dist/server.js and dist/worker.js built in ${Date.now() - started} ms`);
