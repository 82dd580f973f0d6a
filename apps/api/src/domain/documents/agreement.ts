// «Соглашение о предоставлении гранта» (GET /applications/:id/agreement.pdf): the parties (the operator and the
// organisation with its ИНН, ОГРН, КПП and address), the subject, the grant in figures and words, the project's
// dates, the report schedule as control points, and the signature blocks. Dated by the results' publication.
import { REPORT_KIND_LABELS, type ReportKind } from '@konkurs/shared';
import type { PdfContent, PdfDocument } from '../../lib/pdf.js';
import { date, document, facts, heading, money, orDash, paragraph, section, table } from './layout.js';

export interface AgreementData {
  number: string;
  title: string | null;
  startDate: string | null;
  endDate: string | null;
  awardedKopecks: number;
  totalCostKopecks: number;
  cofinancingKopecks: number;
  competition: { code: string; title: string; operatorName: string; timezone: string; publishedAt: Date };
  organization: { fullName: string; inn: string; ogrn: string; kpp: string; address: string | null; email: string | null; phone: string | null };
  /** The report schedule (reports rows), in order. */
  reports: { kind: ReportKind; seq: number; dueAt: Date }[];
}

const ONES = ['', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];
const ONES_FEMININE = ['', 'одна', 'две', ...ONES.slice(3)];
const TEENS = ['десять', 'одиннадцать', 'двенадцать', 'тринадцать', 'четырнадцать', 'пятнадцать', 'шестнадцать', 'семнадцать', 'восемнадцать', 'девятнадцать'];
const TENS = ['', '', 'двадцать', 'тридцать', 'сорок', 'пятьдесят', 'шестьдесят', 'семьдесят', 'восемьдесят', 'девяносто'];
const HUNDREDS = ['', 'сто', 'двести', 'триста', 'четыреста', 'пятьсот', 'шестьсот', 'семьсот', 'восемьсот', 'девятьсот'];
/** [one, few, many] and whether the scale's word is feminine (тысяча). */
const SCALES: [forms: [string, string, string], feminine: boolean][] = [
  [['', '', ''], false], [['тысяча', 'тысячи', 'тысяч'], true], [['миллион', 'миллиона', 'миллионов'], false],
  [['миллиард', 'миллиарда', 'миллиардов'], false], [['триллион', 'триллиона', 'триллионов'], false],
];

/** The Russian plural form of a count: 1 рубль, 2 рубля, 5 рублей (11–14 take the third). */
export function pluralForm(n: number, [one, few, many]: readonly [string, string, string]): string {
  const d100 = n % 100; const d10 = n % 10;
  if (d100 >= 11 && d100 <= 14) return many;
  if (d10 === 1) return one;
  if (d10 >= 2 && d10 <= 4) return few;
  return many;
}

function triadWords(n: number, feminine: boolean): string[] {
  const words = [HUNDREDS[Math.floor(n / 100)]!];
  const rest = n % 100;
  if (rest >= 10 && rest < 20) words.push(TEENS[rest - 10]!);
  else words.push(TENS[Math.floor(rest / 10)]!, (feminine ? ONES_FEMININE : ONES)[rest % 10]!);
  return words.filter(Boolean);
}

/** Whole roubles in words: 1500000 → «один миллион пятьсот тысяч». */
export function numberInWords(n: number): string {
  if (n === 0) return 'ноль';
  const words: string[] = [];
  for (let scale = SCALES.length - 1; scale >= 0; scale--) {
    const triad = Math.floor(n / 1000 ** scale) % 1000;
    if (triad === 0) continue;
    const [forms, feminine] = SCALES[scale]!;
    words.push(...triadWords(triad, feminine));
    if (scale > 0) words.push(pluralForm(triad, forms));
  }
  return words.join(' ');
}

/** 150000000 kopecks → «1 500 000,00 ₽ (один миллион пятьсот тысяч рублей 00 копеек)». */
export function moneyInFiguresAndWords(kopecks: number): string {
  const roubles = Math.floor(kopecks / 100); const kop = kopecks % 100;
  return `${money(kopecks)} (${numberInWords(roubles)} ${pluralForm(roubles, ['рубль', 'рубля', 'рублей'])} `
    + `${String(kop).padStart(2, '0')} ${pluralForm(kop, ['копейка', 'копейки', 'копеек'])})`;
}

export function agreementDocument(a: AgreementData): PdfDocument {
  const c = a.competition;
  const org = a.organization;
  const signed = date(c.publishedAt, c.timezone);
  const project = a.title ? `«${a.title}»` : `по заявке № ${a.number}`;
  const clause = (n: string, text: string) => paragraph(`${n} ${text}`);

  const content: PdfContent[] = [
    ...heading(`Соглашение о предоставлении гранта № ${a.number}`, [`по итогам конкурса ${c.code} «${c.title}»`]),
    { columns: [{ text: '', width: '*' }, { text: signed, width: 'auto' }], margin: [0, 6, 0, 10] },
    paragraph([
      { text: c.operatorName, bold: true }, ' (далее — Грантодатель), с одной стороны, и ',
      { text: org.fullName, bold: true },
      ` (ИНН ${org.inn}, ОГРН ${org.ogrn}, КПП ${org.kpp}, адрес: ${orDash(org.address)}; далее — Грантополучатель), `
      + 'с другой стороны, вместе — Стороны, заключили настоящее Соглашение о нижеследующем.',
    ]),

    section('1. Предмет соглашения'),
    clause('1.1.', `Грантодатель предоставляет Грантополучателю грант на реализацию проекта ${project} (заявка № ${a.number}), `
      + `признанного победителем конкурса ${c.code} «${c.title}», а Грантополучатель обязуется реализовать проект в соответствии `
      + 'с заявкой, календарным планом и сметой, поданными на конкурс.'),
    clause('1.2.', `Сроки реализации проекта: с ${date(a.startDate)} по ${date(a.endDate)}.`),

    section('2. Размер гранта'),
    clause('2.1.', `Размер гранта: ${moneyInFiguresAndWords(a.awardedKopecks)}.`),
    facts([
      ['Общая стоимость проекта', money(a.totalCostKopecks)],
      ['Софинансирование', money(a.cofinancingKopecks)],
      ['Сумма гранта', { text: money(a.awardedKopecks), bold: true }],
    ]),
    clause('2.2.', 'Грант используется только на цели, предусмотренные сметой проекта. Средства, не использованные по назначению, '
      + 'подлежат возврату Грантодателю.'),

    section('3. Отчётность и контрольные точки'),
    clause('3.1.', 'Грантополучатель представляет отчёты о выполнении календарного плана и о расходовании гранта и софинансирования '
      + 'с подтверждающими документами в сроки, указанные ниже, через платформу «Конкурс». Отчёты составляются нарастающим итогом '
      + 'с начала проекта; итоговый отчёт охватывает весь проект.'),
    a.reports.length
      ? table([{ header: '№', width: 24 }, { header: 'Контрольная точка', width: '*' }, { header: 'Срок представления', width: 120 }],
        a.reports.map((r) => [String(r.seq), REPORT_KIND_LABELS.ru[r.kind], `до ${date(r.dueAt, c.timezone)} включительно`]))
      : paragraph('График отчётности будет установлен Грантодателем и доведён до Грантополучателя через платформу «Конкурс».'),
    clause('3.2.', 'Грантодатель рассматривает отчёт и принимает его либо возвращает на доработку с замечаниями. Проект считается '
      + 'завершённым после принятия итогового отчёта.'),

    section('4. Обязанности сторон'),
    clause('4.1.', 'Грантодатель перечисляет грант на счёт Грантополучателя после подписания настоящего Соглашения.'),
    clause('4.2.', 'Грантополучатель обеспечивает софинансирование проекта в объёме, указанном в заявке, ведёт учёт расходов и '
      + 'хранит подтверждающие документы, сообщает Грантодателю об обстоятельствах, препятствующих реализации проекта.'),
    clause('4.3.', 'Соглашение вступает в силу с даты его подписания Сторонами и действует до исполнения Сторонами своих обязательств.'),

    // The heading stays with the blocks; each row of the table lines both parties up (their signature lines level).
    {
      stack: [section('5. Подписи сторон'), signatureBlocks(
        ['Грантодатель', [c.operatorName]],
        ['Грантополучатель', [org.fullName, `ИНН ${org.inn}, КПП ${org.kpp}`, `ОГРН ${org.ogrn}`, `Адрес: ${orDash(org.address)}`]],
      )],
      unbreakable: true,
    },
  ];
  return document(content, `Соглашение о предоставлении гранта № ${a.number} от ${signed}`);
}

type Party = [role: string, lines: string[]];

function signatureBlocks(...parties: [Party, Party]): PdfContent {
  const row = (cell: (p: Party) => PdfContent) => parties.map(cell);
  return {
    table: {
      widths: ['*', '*'],
      body: [
        row(([role]) => ({ text: role, bold: true, margin: [0, 0, 0, 2] })),
        row(([, lines]) => ({ stack: lines.map((text) => ({ text })) })),
        row(() => ({ text: '____________________ / ____________________', margin: [0, 24, 0, 0] })),
        row(() => ({ text: 'подпись / расшифровка подписи', style: 'note' })),
        row(() => ({ text: 'М. П.', style: 'note', margin: [0, 8, 0, 0] })),
      ],
    },
    layout: 'noBorders',
  };
}
