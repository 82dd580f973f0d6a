// Examples of the main request bodies, shown beside the body of every operation that takes that shared schema.
// test/openapi/examples.test.ts parses each with its schema, so an example cannot drift from the rules.
import {
  awardBody, createApplicationBody, createCompetitionBody, createOrganizationBody, loginBody, registerBody, reviewBody,
  updateApplicationBody, updateCompetitionBody,
} from '@konkurs/shared';
import type { z } from 'zod';
import { inputComponentOf } from './components.js';
import { operations, type Document } from './openapi.js';

export interface Example { summary: string; value: unknown }

const OPERATOR_ID = '3f6c2a9e-5b1d-4c8a-9e7f-0a1b2c3d4e5f';
const ORGANIZATION_ID = '8d2e4f60-1a3b-4c5d-8e9f-a0b1c2d3e4f5';
const APPLICATION_ID = 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f';

/** Request examples by the shared schema of the body, named as in an operation's `examples`. */
export const REQUEST_EXAMPLES = new Map<z.ZodType, Record<string, Example>>([
  [registerBody, {
    applicant: { summary: 'An NGO worker signs up', value: { email: 'anna.petrova@example.org', password: 'Vesna-2027-grant', fullName: 'Анна Сергеевна Петрова' } },
  }],
  [loginBody, {
    signIn: { summary: 'Sign in with e-mail and password', value: { email: 'anna.petrova@example.org', password: 'Vesna-2027-grant' } },
  }],
  [createOrganizationBody, {
    ngo: {
      summary: 'An autonomous non-profit organisation',
      value: {
        inn: '4027123455', ogrn: '1124000012344', kpp: '402701001',
        fullName: 'Автономная некоммерческая организация «Центр поддержки семьи „Лад“»', shortName: 'АНО «Лад»', regionCode: '40',
        address: '248000, Калужская область, г. Калуга, ул. Ленина, д. 1', email: 'info@lad-kaluga.example.org', phone: '+7 (4842) 00-00-00',
        website: 'https://lad-kaluga.example.org',
      },
    },
  }],
  [createCompetitionBody, {
    regional: {
      summary: 'A regional competition with the default criteria',
      value: {
        code: 'KLG-2027', title: 'Конкурс грантов Калужской области для НКО — 2027', description: 'Поддержка социальных проектов некоммерческих организаций.',
        operatorId: OPERATOR_ID, directionCodes: ['social_services', 'family', 'youth'], regionCodes: ['40'],
        opensAt: '2027-02-01T09:00:00+03:00', closesAt: '2027-03-15T18:00:00+03:00', timezone: 'Europe/Moscow',
        budgetKopecks: 5_000_000_000, minGrantKopecks: 10_000_000, maxGrantKopecks: 150_000_000, maxProjectMonths: 12,
        minCofinancingPercent: 10, reviewersPerApplication: 2, divergenceThreshold: 30, passMark: 60,
        oneWinPerOrganization: true, maxApplicationsPerOrganization: 2, requiredAttachmentKinds: ['charter'],
      },
    },
  }],
  [updateCompetitionBody, {
    extendDeadline: { summary: 'Move the deadline later (the version read last)', value: { version: 3, closesAt: '2027-03-22T18:00:00+03:00' } },
  }],
  [createApplicationBody, {
    draft: { summary: 'Start a draft with a title and a direction', value: { organizationId: ORGANIZATION_ID, title: 'Семейный клуб «Вместе»', directionCode: 'family' } },
  }],
  [updateApplicationBody, {
    autosave: {
      summary: 'Autosave: the changed fields and the version they were based on',
      value: {
        version: 4, summary: 'Еженедельные встречи семей с детьми-инвалидами и консультации специалистов.',
        startDate: '2027-06-01', endDate: '2027-12-31',
        budget: [{ category: 'fees', item: 'Психолог, 40 консультаций', quantity: 40, unitCostKopecks: 300_000, cofinancingKopecks: 1_200_000 }],
      },
    },
  }],
  [reviewBody, {
    scores: {
      summary: 'Save the scores so far (score null: not scored yet)',
      value: { version: 2, scores: [{ criterionCode: 'K1', score: 8, comment: 'Проблема описана на данных региона.' }, { criterionCode: 'K2', score: null, comment: '' }], comment: '' },
    },
  }],
  [awardBody, {
    stop: { summary: 'Allocate in rank order, stopping at the first that does not fit', value: { mode: 'stop' } },
    skipWithOverride: { summary: 'Skip what does not fit, with one amount cut', value: { mode: 'skip', overrides: [{ applicationId: APPLICATION_ID, amountKopecks: 90_000_000 }] } },
  }],
]);

/** Puts the examples beside each request body that is one of the schemas above (before the components get their final names). */
export function withExamples(doc: Document): Document {
  const byComponent = new Map<string, Record<string, Example>>();
  for (const [schema, examples] of REQUEST_EXAMPLES) {
    const name = inputComponentOf(schema);
    if (name) byComponent.set(`#/components/schemas/${name}`, examples);
  }
  for (const { operation } of operations(doc)) {
    for (const media of Object.values(operation.requestBody?.content ?? {})) {
      const examples = byComponent.get(String(media.schema?.$ref));
      if (examples) media.examples = examples;
    }
  }
  return doc;
}
