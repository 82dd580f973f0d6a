// Reference data as migration 0001 stored it: regions, directions, the default criteria.
import { asc } from 'drizzle-orm';
import type { Criterion, Direction, Region } from '@konkurs/shared';
import type { Executor } from '../db/client.js';
import { defaultCriteria, directions, regions } from '../db/schema/index.js';

export async function listRegions(db: Executor): Promise<Region[]> {
  return db.select({ code: regions.code, name: regions.name, district: regions.district }).from(regions).orderBy(asc(regions.code));
}

export async function listDirections(db: Executor): Promise<Direction[]> {
  return db.select({ code: directions.code, name: directions.name, nameEn: directions.nameEn }).from(directions).orderBy(asc(directions.position));
}

export async function listDefaultCriteria(db: Executor): Promise<Criterion[]> {
  return db.select({ code: defaultCriteria.code, title: defaultCriteria.title, description: defaultCriteria.description, weight: defaultCriteria.weight,
    maxScore: defaultCriteria.maxScore, commentRequired: defaultCriteria.commentRequired }).from(defaultCriteria).orderBy(asc(defaultCriteria.position));
}
