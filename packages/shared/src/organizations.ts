import { z } from 'zod';
import { isValidInn, isValidKpp, isValidOgrn } from './checksums.js';
import { email, id, regionCode, requiredText, text } from './common.js';

export const inn = z.string().regex(/^\d{10}$/, '10 digits').refine(isValidInn, 'wrong check digit');
export const ogrn = z.string().regex(/^[15]\d{12}$/, '13 digits starting with 1 or 5').refine(isValidOgrn, 'wrong check digit');
export const kpp = z.string().refine(isValidKpp, '9 characters: 4 digits, 2 digits or letters, 3 digits');

const organizationFields = {
  fullName: requiredText(500),
  shortName: requiredText(200),
  regionCode,
  address: text(500).optional(),
  email: email.optional(),
  phone: z.string().max(50).regex(/^[+\d ()-]*$/, 'digits, spaces, + ( ) -').optional(),
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
