import { z } from 'zod';
import { ROLES } from './enums.js';
import { directionCode, email, id, regionCode, requiredText } from './common.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordRuleIssues } from './password-policy.js';

/**
 * A new password: the policy's rules that need neither the e-mail nor the word list, each by its own code (the
 * service checks the rest with password-strength.ts). The minimum is a rule of its own rather than zod's `min`,
 * so that `          ab` is short too; the OpenAPI still says it as minLength.
 */
export const password = z.string().max(PASSWORD_MAX_LENGTH).superRefine((value, ctx) => {
  for (const code of passwordRuleIssues(value)) ctx.addIssue({ code: 'custom', input: value, params: { code } });
}).meta({ minLength: PASSWORD_MIN_LENGTH });

export const registerBody = z.object({ email, password, fullName: requiredText(200) });
export const loginBody = z.object({ email, password: z.string().min(1).max(200) });
export const changePasswordBody = z.object({ currentPassword: z.string().min(1).max(200), password: password });

export const user = z.object({
  id,
  email: z.string(),
  fullName: z.string(),
  role: z.enum(ROLES),
  operatorId: id.nullable(),
  expertDirections: z.array(z.string()),
  regionCode: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
});
export type User = z.infer<typeof user>;

export const me = user.pick({ id: true, email: true, fullName: true, role: true, operatorId: true });
export const authResponse = z.object({ token: z.string(), user });

export const createUserBody = z.object({
  email,
  password,
  fullName: requiredText(200),
  role: z.enum(ROLES),
  operatorId: id.optional(),
  expertDirections: z.array(directionCode).max(13).optional(),
  regionCode: regionCode.optional(),
});
export type CreateUserBody = z.infer<typeof createUserBody>;

export const updateUserBody = z.object({
  fullName: requiredText(200).optional(),
  role: z.enum(ROLES).optional(),
  operatorId: id.nullable().optional(),
  expertDirections: z.array(directionCode).max(13).optional(),
  regionCode: regionCode.nullable().optional(),
  active: z.boolean().optional(),
  password: password.optional(),
});

export const usersQuery = z.object({
  role: z.enum(ROLES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});
