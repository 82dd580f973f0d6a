import { z } from 'zod';
import { isValidInn, isValidOgrn } from './checksums.js';
import { INN_PATTERN, KPP_PATTERN, OGRN_PATTERN, PHONE_PATTERN } from './patterns.js';
import { email, id, regionCode, requiredText, text } from './common.js';

// A malformed number is told as such, not also as a wrong check digit (abort).
export const inn = z.string().regex(INN_PATTERN, { abort: true }).refine(isValidInn, { params: { code: 'inn-checksum' } });
export const ogrn = z.string().regex(OGRN_PATTERN, { abort: true }).refine(isValidOgrn, { params: { code: 'ogrn-checksum' } });
export const kpp = z.string().regex(KPP_PATTERN);

const organizationFields = {
  fullName: requiredText(500),
  shortName: requiredText(200),
  regionCode,
  address: text(500).optional(),
  email: email.optional(),
  phone: z.string().max(50).regex(PHONE_PATTERN).optional(),
  website: z.string().max(300).optional(),
};

export const createOrganizationBody = z.object({ inn, ogrn, kpp, ...organizationFields });
export type CreateOrganizationBody = z.infer<typeof createOrganizationBody>;
export const updateOrganizationBody = z.object({ kpp: kpp.optional(), ...z.object(organizationFields).partial().shape });
export const addMemberBody = z.object({ email });

export const organization = z.object({
  id,
  inn: z.string(),
  ogrn: z.string(),
  kpp: z.string(),
  fullName: z.string(),
  shortName: z.string(),
  regionCode: z.string(),
  address: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  myRole: z.enum(['owner', 'member']).nullable(),
  createdAt: z.string(),
});
export type Organization = z.infer<typeof organization>;
export const member = z.object({ userId: id, email: z.string(), fullName: z.string(), role: z.enum(['owner', 'member']) });
export type Member = z.infer<typeof member>;
/**
 * The answer to adding a member: the same whether the e-mail is an applicant's (now a member), a staff member's or
 * nobody's, so that the owner of an organisation cannot ask who is registered.
 */
export const memberAdded = z.object({ organizationId: id, email: z.string() });
export type MemberAdded = z.infer<typeof memberAdded>;
/** A user's organisations and an organisation's members come whole (a handful each): one page, no cursor. */
export const organizationList = z.object({ items: z.array(organization), nextCursor: z.null() });
export type OrganizationList = z.infer<typeof organizationList>;
export const memberList = z.object({ items: z.array(member), nextCursor: z.null() });
export type MemberList = z.infer<typeof memberList>;
