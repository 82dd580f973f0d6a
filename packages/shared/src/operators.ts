import { z } from 'zod';
import { OPERATOR_LEVELS } from './enums.js';
import { id, regionCode, requiredText } from './common.js';

export const createOperatorBody = z
  .object({ name: requiredText(300), level: z.enum(OPERATOR_LEVELS), regionCode: regionCode.optional() })
  .refine((o) => o.level === 'federal' || o.regionCode !== undefined, {
    path: ['regionCode'],
    message: 'required for a regional or municipal operator',
  });
export const operator = z.object({
  id,
  name: z.string(),
  level: z.enum(OPERATOR_LEVELS),
  regionCode: z.string().nullable(),
});
export type Operator = z.infer<typeof operator>;
