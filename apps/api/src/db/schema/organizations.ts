import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { regions } from './reference.js';
import { users } from './users.js';

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  inn: text('inn').notNull(),
  ogrn: text('ogrn').notNull(),
  kpp: text('kpp').notNull(),
  fullName: text('full_name').notNull(),
  shortName: text('short_name').notNull(),
  regionCode: text('region_code').notNull().references(() => regions.code),
  address: text('address'),
  email: text('email'),
  phone: text('phone'),
  website: text('website'),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('organizations_inn_key').on(t.inn)]);

export const organizationMembers = pgTable('organization_members', {
  organizationId: uuid('organization_id').notNull().references(() => organizations.id),
  userId: uuid('user_id').notNull().references(() => users.id),
  role: text('role', { enum: ['owner', 'member'] }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.organizationId, t.userId] }), index('organization_members_user_idx').on(t.userId)]);
