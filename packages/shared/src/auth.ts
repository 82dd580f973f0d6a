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

/** The version of the 152-ФЗ consent text in force (consent-text.ts); a sign-up records which one was accepted, and when. */
export const CONSENT_VERSION = '2026-12-01';
/** Consent to the processing of personal data: the version of the text shown, and that it was accepted. */
export const consent = z.object({ version: z.string().min(1).max(40), accepted: z.literal(true) });
export const consentBody = z.object({ consent });
export const consentText = z.object({ version: z.string(), title: z.string(), text: z.string() });

/**
 * Sign-up. The SPA always sends `consent`; a v1 client written before it may leave it out, and its user is asked
 * for consent at the next sign-in (`consentRequired` in `/auth/me`). A consent sent is checked: accepted, current version.
 */
export const registerBody = z.object({ email, password, fullName: requiredText(200), consent: consent.optional() });
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

export const me = user.pick({ id: true, email: true, fullName: true, role: true, operatorId: true }).extend({
  /** Whether the address was confirmed (a link from the confirmation or reset e-mail). */
  emailVerified: z.boolean(),
  /** The consent in force was not given (an account from before it, or a v1 client's sign-up): the SPA asks first. */
  consentRequired: z.boolean(),
  language: z.enum(['ru', 'en']),
});
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
