// The server under load, in a child process of its own (so that the load generator does not share its event
// loop): `app` is the real Konkurs API, `bare` the baseline — a bare Fastify + pg route doing one versioned
// UPDATE of the same JSON. Talks to the harness over IPC: signs tokens, samples its own memory.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { connectPg, type Database } from '../src/db/client.js';
import { systemClock } from '../src/lib/clock.js';
import { localFileStorage } from '../src/storage/file-storage.js';

export type ToServer =
  | { cmd: 'sign'; sessions: { sub: string; sid: string }[] }
  | { cmd: 'mem-start' }
  | { cmd: 'mem-stop' }
  | { cmd: 'close' };
export interface MemoryReport { rssBefore: number; rssPeak: number; heapBefore: number; heapPeak: number }

const mode = process.argv[2] as 'app' | 'bare';
const url = process.env.BENCH_DATABASE_URL!;
const secret = process.env.BENCH_SECRET!;
const poolSize = Number(process.env.BENCH_POOL_SIZE ?? 20);

function bare(database: Database): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 2 * 1024 * 1024 });
  app.patch<{ Params: { id: string }; Body: { version: number } & Record<string, unknown> }>('/bare/:id', async (request, reply) => {
    const { version, ...content } = request.body;
    const { rows } = await database.pool!.query(
      'update applications set content = $1, version = version + 1, updated_at = now() where id = $2 and version = $3 returning version',
      [content, request.params.id, version]);
    if (!rows.length) return reply.code(412).send({ status: 412 });
    return { version: rows[0].version };
  });
  return app;
}

async function main() {
  const database = connectPg(url, poolSize);
  const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: url, DATA_DIR: join(tmpdir(), 'konkurs-bench'), SEED_DEMO: 'false', LOG_LEVEL: 'silent', DATABASE_POOL_SIZE: String(poolSize) });
  const app = mode === 'app'
    ? await buildApp({ config, database, clock: systemClock, secret, logger: { level: 'error' }, storage: localFileStorage(join(tmpdir(), 'konkurs-bench', 'uploads')), webRoot: false })
    : bare(database);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  let sampler: NodeJS.Timeout | undefined;
  let mem: MemoryReport | undefined;
  process.on('message', async (msg: ToServer) => {
    if (msg.cmd === 'sign') {
      process.send!({ tokens: msg.sessions.map((s) => app.jwt.sign(s)) });
    } else if (msg.cmd === 'mem-start') {
      global.gc?.();
      const m = process.memoryUsage();
      mem = { rssBefore: m.rss, rssPeak: m.rss, heapBefore: m.heapUsed, heapPeak: m.heapUsed };
      sampler = setInterval(() => {
        if (process.env.BENCH_LIVE) global.gc?.();
        const now = process.memoryUsage();
        mem!.rssPeak = Math.max(mem!.rssPeak, now.rss);
        mem!.heapPeak = Math.max(mem!.heapPeak, now.heapUsed);
      }, 5);
      process.send!({ ok: true });
    } else if (msg.cmd === 'mem-stop') {
      clearInterval(sampler);
      process.send!({ memory: mem });
    } else if (msg.cmd === 'close') {
      await app.close();
      await database.close();
      process.exit(0);
    }
  });
  process.send!({ ready: true, port });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
