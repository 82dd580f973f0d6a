// A small HTTP load generator over keep-alive connections: a closed loop (N workers, each sending its next
// request when the previous one answers: maximum throughput) and an open loop (requests started at a fixed
// rate whatever the answers: latency under a given load, measured from the scheduled start so that a slow
// server cannot hide its queue).
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface Response { status: number; body: string; ms: number }

export class Client {
  private agent: http.Agent;
  constructor(private port: number, maxSockets = 256) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  request(method: string, path: string, options: { token?: string; body?: unknown; onData?: (chunk: Buffer) => void } = {}): Promise<Response> {
    const started = performance.now();
    const payload = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
    return new Promise((resolve, reject) => {
      const req = http.request({
        host: '127.0.0.1', port: this.port, method, path, agent: this.agent,
        headers: {
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
        },
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => (options.onData ? options.onData(c) : chunks.push(c)));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), ms: performance.now() - started }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  }

  close() { this.agent.destroy(); }
}

/** "No route" from the API's not-found handler: the endpoint is not built yet. */
export const noRoute = (r: Response) => r.status === 404 && r.body.includes('No route');

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export interface LoadResult { ok: number; errors: number; seconds: number; perSecond: number; latencies: number[]; statuses: Record<number, number> }

function result(ok: number, errors: number, started: number, latencies: number[], statuses: Record<number, number>): LoadResult {
  const seconds = (performance.now() - started) / 1000;
  return { ok, errors, seconds, perSecond: ok / seconds, latencies, statuses };
}

/**
 * `workers` concurrent loops for `seconds` (or until `next` returns null): each asks `next(worker)` for its
 * next request and sends it when the previous one has answered.
 */
export async function closedLoop(workers: number, seconds: number, next: (worker: number) => (() => Promise<Response>) | null): Promise<LoadResult> {
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let ok = 0;
  let errors = 0;
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  await Promise.all(Array.from({ length: workers }, async (_, w) => {
    while (performance.now() < deadline) {
      const send = next(w);
      if (!send) return;
      const r = await send().catch(() => ({ status: 0, body: '', ms: 0 }));
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      if (r.status >= 200 && r.status < 300) { ok++; latencies.push(r.ms); } else errors++;
    }
  }));
  return result(ok, errors, started, latencies, statuses);
}

/** Starts `rate` requests per second for `seconds`; latency counts from each request's scheduled start. */
export async function openLoop(rate: number, seconds: number, send: (i: number) => Promise<Response>): Promise<LoadResult> {
  const started = performance.now();
  const total = Math.round(rate * seconds);
  let ok = 0;
  let errors = 0;
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const scheduled = started + (i * 1000) / rate;
    const wait = scheduled - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(send(i).then((r) => {
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      if (r.status >= 200 && r.status < 300) { ok++; latencies.push(performance.now() - scheduled); } else errors++;
    }, () => { statuses[0] = (statuses[0] ?? 0) + 1; errors++; }));
  }
  await Promise.all(inFlight);
  return result(ok, errors, started, latencies, statuses);
}
