import { boolean, integer, numeric, pgTable, text } from 'drizzle-orm/pg-core';

export const regions = pgTable('regions', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  district: text('district').notNull(),
});

export const directions = pgTable('directions', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  position: integer('position').notNull(),
});

export const defaultCriteria = pgTable('default_criteria', {
  code: text('code').primaryKey(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  weight: numeric('weight', { mode: 'number' }).notNull(),
  maxScore: integer('max_score').notNull(),
  commentRequired: boolean('comment_required').notNull().default(false),
  position: integer('position').notNull(),
});
