// Operators of competitions: listed publicly, created by the administrator.
import type { CreateOperatorBody, Operator, OperatorList } from '@konkurs/shared';
import type { Db } from '../db/client.js';
import type { AuthUser } from '../plugins/auth.js';
import { insertOperator, listOperators } from '../queries/operators.js';
import { recordAudit } from './audit-log.js';

export async function operatorList(db: Db): Promise<OperatorList> {
  return { items: await listOperators(db), nextCursor: null };
}

export async function createOperator(db: Db, actor: AuthUser, body: CreateOperatorBody, now: Date): Promise<Operator> {
  return db.transaction(async (tx) => {
    const row = await insertOperator(tx, body);
    await recordAudit(tx, { actorId: actor.id, action: 'operator.created', entityType: 'operator', entityId: row.id, operatorId: row.id, after: row, at: now });
    return row;
  });
}
