// Operators of competitions (a fund, a region's ministry, a municipality): public, few, listed whole.
import { asc, eq } from 'drizzle-orm';
import type { CreateOperatorBody, Operator } from '@konkurs/shared';
import type { Executor, Tx } from '../db/client.js';
import { operators } from '../db/schema/index.js';

const columns = { id: operators.id, name: operators.name, level: operators.level, regionCode: operators.regionCode };

export async function listOperators(db: Executor): Promise<Operator[]> {
  return db.select(columns).from(operators).orderBy(asc(operators.name));
}

export async function operatorExists(db: Executor, id: string): Promise<boolean> {
  const [op] = await db.select({ id: operators.id }).from(operators).where(eq(operators.id, id));
  return Boolean(op);
}

export async function insertOperator(tx: Tx, input: CreateOperatorBody): Promise<Operator> {
  const [row] = await tx.insert(operators).values({ name: input.name, level: input.level, regionCode: input.regionCode ?? null }).returning(columns);
  return row;
}
