// The reference data is declared once, in packages/shared/src/reference.ts; the migration that seeds it
// must be exactly what scripts/reference-sql.ts prints from it, so the two cannot drift apart.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const apiDir = fileURLToPath(new URL('../..', import.meta.url));
const migration = fileURLToPath(new URL('../../../../migrations/0001_reference_data.sql', import.meta.url));

describe('migrations/0001_reference_data.sql', () => {
  it('is what scripts/reference-sql.ts prints from the shared reference data', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/reference-sql.ts'], { cwd: apiDir });
    const stored = await readFile(migration, 'utf8');
    // Regenerate with: cd apps/api && node --import tsx scripts/reference-sql.ts > ../../migrations/0001_reference_data.sql
    expect(stored.trimEnd()).toBe(stdout.trimEnd());
  });
});
