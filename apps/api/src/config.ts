// Every setting comes from the environment, parsed and checked here and nowhere else.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * apps/api: the nearest folder above this file holding a package.json. The same folder whether this file
 * runs from src/ (tsx, tests) or bundled into dist/server.js, so the paths below resolve from both.
 */
export const API_DIR = (function packageDir(dir: string): string {
  if (existsSync(join(dir, 'package.json'))) return dir;
  if (dirname(dir) === dir) throw new Error('apps/api/package.json not found above the server file');
  return packageDir(dirname(dir));
})(dirname(fileURLToPath(import.meta.url)));

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => ['true', '1', 'yes'].includes(v));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  /** Pool size per API process when DATABASE_URL is set. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  // Not the working directory: `pnpm start` from the root and from apps/api keep the same data.
  DATA_DIR: z.string().default(join(API_DIR, '.data')),
  PGLITE_DIR: z.string().optional(),
  JWT_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  TOKEN_TTL_MINUTES: z.coerce.number().int().min(1).max(60 * 24 * 30).default(12 * 60),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(10).optional(),
  /** Demo data on an empty database: by default in development, only when asked for in production. */
  SEED_DEMO: bool.optional(),
  REDIS_URL: z.string().url().optional(),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).default(20 * 1024 * 1024),
  WEB_DIST: z.string().optional(),
  /** How long SIGTERM waits for in-flight requests before the process exits anyway. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
}).transform((c) => ({ ...c, SEED_DEMO: c.SEED_DEMO ?? c.NODE_ENV !== 'production' }));

export type Config = z.output<typeof envSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid settings in the environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
