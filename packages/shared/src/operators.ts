import { z } from 'zod';
import { OPERATOR_LEVELS } from './enums.js';
import { id, regionCode, requiredText } from './common.js';

export const createOperatorBody = z
  .object({ name: requiredText(300), level: z.enum(OPERATOR_LEVELS), regionCode: regionCode.optional() })
  .refine((o) => o.level === 'federal' || o.regionCode !== undefined, {
    path: ['regionCode'],
    params: { code: 'operator-region-required' },
  });
export const operator = z.object({
  id,
  name: z.string(),
  level: z.enum(OPERATOR_LEVELS),
  regionCode: z.string().nullable(),
});
export type Operator = z.infer<typeof operator>;
/** Every operator at once (a few hundred at most): one page, no cursor. */
export const operatorList = z.object({ items: z.array(operator), nextCursor: z.null() });
export type OperatorList = z.infer<typeof operatorList>;
export type CreateOperatorBody = z.infer<typeof createOperatorBody>;
