// «Протокол заседания конкурсной комиссии» (GET /competitions/:id/protocol.pdf): the competition, its budget and
// pass mark, the ranking with final scores, each application's decision and amount, the totals, and the commission
// with signature lines. Dated by the decision (competitions.decided_at), not by the download.
import { COMMISSION_ROLE_LABELS, formatScore, type CommissionMember, type NotSupportedReason } from '@konkurs/shared';
import type { PdfContent, PdfDocument } from '../../lib/pdf.js';
import { date, document, facts, heading, money, orDash, paragraph, section, signatureLine, table } from './layout.js';

export interface ProtocolRow {
  rank: number | null;
  number: string;
  title: string | null;
  organization: string;
  inn: string;
  finalScore: number | null;
  requestedKopecks: number;
  awardedKopecks: number | null;
  status: 'winner' | 'not_supported' | string;
  reason: NotSupportedReason | null;
}

export interface ProtocolData {
  competition: { code: string; title: string; operatorName: string; budgetKopecks: number; passMark: number; timezone: string; decidedAt: Date };
  /** Every application that passed screening, in ranking order. */
  ranking: ProtocolRow[];
  /** How many were submitted and how many screening turned away. */
  submitted: number;
  rejected: number;
  commission: CommissionMember[];
}

const REASONS: Record<NotSupportedReason, string> = {
  'below-pass-mark': 'итоговый балл ниже проходного',
  'organization-won': 'организация уже признана победителем (одна победа на организацию)',
  'budget-exhausted': 'недостаточно средств фонда конкурса',
  'not-reviewed': 'экспертиза не завершена',
};

function decision(r: ProtocolRow): string {
  if (r.status === 'winner') return 'Победитель';
  return r.reason ? `Не поддержана: ${REASONS[r.reason]}` : 'Не поддержана';
}

export function protocolDocument(p: ProtocolData): PdfDocument {
  const c = p.competition;
  const winners = p.ranking.filter((r) => r.status === 'winner');
  const awarded = winners.reduce((s, r) => s + (r.awardedKopecks ?? 0), 0);
  const requested = winners.reduce((s, r) => s + r.requestedKopecks, 0);
  const decided = date(c.decidedAt, c.timezone);
  const chair = p.commission.find((m) => m.role === 'chair');
  const secretary = p.commission.find((m) => m.role === 'secretary');

  const content: PdfContent[] = [
    ...heading('Протокол заседания конкурсной комиссии', [`по подведению итогов конкурса ${c.code} «${c.title}»`, `от ${decided}`]),
    section('1. Конкурс'),
    facts([
      ['Код конкурса', c.code], ['Название', c.title], ['Оператор конкурса', c.operatorName],
      ['Фонд конкурса', money(c.budgetKopecks)], ['Проходной балл', formatScore(c.passMark)], ['Дата решения', decided],
    ]),
    section('2. Состав комиссии'),
    p.commission.length
      ? table([{ header: '№', width: 18 }, { header: 'ФИО', width: 150 }, { header: 'Должность', width: '*' }, { header: 'Роль в комиссии', width: 110 }],
        p.commission.map((m, i) => [String(i + 1), m.fullName, m.position, COMMISSION_ROLE_LABELS.ru[m.role]]))
      : paragraph('Состав комиссии не указан.'),
    section('3. Рейтинг заявок и решения'),
    paragraph(`Комиссия рассмотрела ${p.ranking.length} заявок, допущенных к экспертизе, в порядке убывания итогового балла `
      + '(при равенстве баллов выше заявка, поданная раньше), и приняла следующие решения.'),
    table([
      { header: 'Место', width: 28, align: 'right' }, { header: 'Заявка', width: 96 }, { header: 'Организация', width: '*' },
      { header: 'ИНН', width: 58 }, { header: 'Проект', width: '*' }, { header: 'Балл', width: 30, align: 'right' },
      { header: 'Запрошено', width: 66, align: 'right' }, { header: 'Решение', width: 104 }, { header: 'Грант', width: 66, align: 'right' },
    ], p.ranking.map((r) => [
      r.rank === null ? '—' : String(r.rank), r.number, r.organization, r.inn, orDash(r.title),
      formatScore(r.finalScore) || '—', money(r.requestedKopecks), decision(r),
      r.status === 'winner' ? money(r.awardedKopecks) : '—',
    ]), { fontSize: 7.5 }),
    section('4. Итоги'),
    facts([
      ['Подано заявок', String(p.submitted)],
      ['Отклонено при проверке', String(p.rejected)],
      ['Допущено к экспертизе', String(p.ranking.length)],
      ['Признано победителями', String(winners.length)],
      ['Запрошено победителями', money(requested)],
      ['Распределено грантов', money(awarded)],
      ['Остаток фонда', money(c.budgetKopecks - awarded)],
    ]),
    paragraph(`Решение принято ${decided}. Протокол составлен по данным платформы «Конкурс» на дату решения.`, { margin: [0, 6, 0, 4] }),
    // The heading stays on the page of the first signature.
    ...signatures(p.commission, chair, secretary).map((row, i) => (i === 0 ? { stack: [section('5. Подписи'), row], unbreakable: true } : row)),
  ];
  return document(content, `Протокол конкурсной комиссии, конкурс ${c.code}, решение от ${decided}`, 'landscape');
}

/** The chair and the secretary first, then the members, each with a signature line. */
function signatures(members: CommissionMember[], chair?: CommissionMember, secretary?: CommissionMember): PdfContent[] {
  if (members.length === 0) return [signatureRow('Председатель комиссии', null), signatureRow('Секретарь комиссии', null)];
  const ordered = [chair, secretary, ...members.filter((m) => m.role === 'member')].filter((m): m is CommissionMember => Boolean(m));
  return ordered.map((m) => signatureRow(COMMISSION_ROLE_LABELS.ru[m.role], m));
}

function signatureRow(role: string, m: CommissionMember | null): PdfContent {
  return {
    columns: [
      { width: 320, stack: [{ text: role, bold: true }, { text: m ? `${m.fullName}, ${m.position}` : '', style: 'note' }] },
      { width: '*', ...(m ? (signatureLine(m.fullName) as object) : { text: '____________________ / ____________________', margin: [0, 14, 0, 0] }) },
    ],
    margin: [0, 4, 0, 4],
    unbreakable: true,
  };
}
