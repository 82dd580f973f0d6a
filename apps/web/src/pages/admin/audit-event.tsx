// One audit event in words: "Ольга Организаторова допустила заявку КОНК-2027-000012 «…» к экспертизе", and its
// before/after as named fields with money, dates, statuses and names instead of kopecks, ISO instants and ids.
import { Fragment, type ReactNode } from 'react';
import { List, Text } from '@mantine/core';
import {
  APPLICATION_STATUS_LABELS, ASSIGNMENT_STATUS_LABELS, ATTACHMENT_KIND_LABELS, COMMISSION_ROLE_LABELS, COMPETITION_STATUS_LABELS, ROLE_LABELS,
  formatScore, type AuditEvent, type CommissionRole, type Lang,
} from '@konkurs/shared';
import { DateText } from '../../components/date-text';
import { Money } from '../../components/money';
import { useLang, useT } from '../../i18n';
import type { Gender } from '../../i18n/ru/admin';
import { directionName, regionName } from '../../lib/reference';

export type AuditWords = ReturnType<typeof useT<'admin'>>['audit'];

/**
 * The grammatical gender of a Russian full name, for the verb: a patronymic decides (-вна/-чна, -вич/-ич), else a
 * feminine surname ending (-ова, -ева, -ина, -ая…); otherwise masculine, as Russian writes of an unknown person.
 */
export function nameGender(fullName: string): Gender {
  const words = fullName.toLocaleLowerCase('ru').split(/\s+/).filter(Boolean);
  if (words.some((w) => /(вна|чна|кызы)$/.test(w))) return 'f';
  if (words.some((w) => /(вич|ьич|оглы)$/.test(w))) return 'm';
  if (words.some((w) => w.length > 3 && /(ова|ева|ёва|ина|ына|ская|цкая|ая)$/.test(w))) return 'f';
  return 'm';
}

/** How the object reads inside the sentence: a number and a title, a code and a title, a name. */
export function objectLabel(e: AuditEvent, t: AuditWords): string {
  const x = e.entity;
  if (!x) return `(${t.gone})`;
  const titled = (head: string | undefined) => (head && x.title ? `${head} «${x.title}»` : head || (x.title ? `«${x.title}»` : `(${t.gone})`));
  switch (e.entityType) {
    case 'application': case 'assignment': case 'review': case 'report': return titled(x.number);
    case 'competition': return titled(x.code);
    case 'organization': return x.code ? `«${x.title}» (${t.fields.inn} ${x.code})` : titled(undefined);
    default: return x.title ?? `(${t.gone})`;
  }
}

/** The whole sentence after the actor's name. */
export function eventSentence(e: AuditEvent, t: AuditWords): string {
  const g: Gender = e.actor ? nameGender(e.actor.fullName) : 'f'; // «Система» is feminine
  const say = t.actions[e.action] ?? t.otherAction;
  return say(g, objectLabel(e, t), e.entity?.expertName ?? '');
}

/** What the action filter lists: each action's sentence for no one in particular and an elided object. */
export const actionOptions = (t: AuditWords) => Object.keys(t.actions).sort().map((value) => ({ value, label: t.actions[value]('n', '…', '…') }));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Fields an event carries that say nothing to a person (a file's internal id; an object's own id, named by the sentence). */
export const HIDDEN_FIELDS: readonly string[] = ['attachmentId', 'id'];
const SCORES = ['finalScore', 'total', 'spread', 'passMark', 'maxScore', 'weight'];

interface ValueContext { event: AuditEvent; lang: Lang; t: AuditWords }

function statusLabel(entityType: AuditEvent['entityType'], status: string, ctx: ValueContext): string {
  const labels: Record<string, Record<string, string>> = {
    application: APPLICATION_STATUS_LABELS[ctx.lang], competition: COMPETITION_STATUS_LABELS[ctx.lang],
    assignment: ASSIGNMENT_STATUS_LABELS[ctx.lang], review: ctx.t.reviewStatuses,
  };
  return labels[entityType]?.[status] ?? status;
}

/** One value of a field, in words. */
export function FieldValue({ field, value, ctx }: { field: string; value: unknown; ctx: ValueContext }): ReactNode {
  const { t, lang, event } = ctx;
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    if (value.every((v) => v === null || typeof v !== 'object'))
      return value.map((v, i) => <Fragment key={i}>{i > 0 && ', '}<FieldValue field={field} value={v} ctx={ctx} /></Fragment>);
    return <List size="sm" withPadding>{value.map((v, i) => <List.Item key={i}><FieldValue field={field} value={v} ctx={ctx} /></List.Item>)}</List>;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([k]) => !HIDDEN_FIELDS.includes(k));
    return entries.map(([k, v], i) => <Fragment key={k}>{i > 0 && '; '}{t.fields[k] ?? k}: <FieldValue field={k} value={v} ctx={ctx} /></Fragment>);
  }
  if (typeof value === 'boolean') return value ? t.yes : t.no;
  if (typeof value === 'number') {
    if (/Kopecks$/.test(field)) return <Money kopecks={value} />;
    if (field === 'sizeBytes') return t.kilobytes(Math.max(1, Math.ceil(value / 1024)));
    if (SCORES.includes(field)) return formatScore(value, lang === 'ru' ? ',' : '.');
    return value.toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB');
  }
  const s = String(value);
  if (field === 'status') return statusLabel(event.entityType, s, ctx);
  // A role is an account's or, in a commission's members, a commission role.
  if (field === 'role') return ROLE_LABELS[lang][s as keyof (typeof ROLE_LABELS)['ru']] ?? COMMISSION_ROLE_LABELS[lang][s as CommissionRole] ?? s;
  // A kind is an attachment's or, in document.generated, a printable document's.
  if (field === 'kind' || field === 'requiredAttachmentKinds') return ATTACHMENT_KIND_LABELS[lang][s as keyof (typeof ATTACHMENT_KIND_LABELS)['ru']] ?? t.documentKinds[s] ?? s;
  if (field === 'mode') return t.modes[s] ?? s;
  if (field === 'level') return t.levels[s] ?? s;
  if (field === 'directionCodes' || field === 'directionCode' || field === 'expertDirections') return directionName(s, lang);
  if (field === 'regionCodes' || field === 'regionCode') return `${s} ${regionName(s)}`;
  if (UUID.test(s)) return event.refs[s.toLowerCase()] ?? `(${t.gone})`;
  if (INSTANT.test(s)) return <DateText value={s} withTime />;
  if (DATE.test(s)) return <DateText value={s} />;
  return s;
}

/** The fields an event changed or recorded: before → after when both are known. */
export function eventFields(e: AuditEvent): string[] {
  const keys = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : []);
  return [...new Set([...keys(e.before), ...keys(e.after)])].filter((k) => !HIDDEN_FIELDS.includes(k));
}

export function EventChanges({ event, fields }: { event: AuditEvent; fields: string[] }) {
  const t = useT('admin').audit;
  const { lang } = useLang();
  const ctx = { event, lang, t };
  const before = (event.before ?? {}) as Record<string, unknown>;
  const after = (event.after ?? {}) as Record<string, unknown>;
  if (fields.length === 0) return <Text size="sm" c="dimmed">{t.noChanges}</Text>;
  return (
    <List size="sm" spacing={2} aria-label={t.changes}>
      {fields.map((k) => (
        <List.Item key={k} style={{ overflowWrap: 'anywhere' }}>
          <Text span size="sm" fw={600}>{t.fields[k] ?? k}:</Text>{' '}
          {k in before && <><FieldValue field={k} value={before[k]} ctx={ctx} />{k in after && ' → '}</>}
          {k in after && <FieldValue field={k} value={after[k]} ctx={ctx} />}
        </List.Item>
      ))}
    </List>
  );
}
