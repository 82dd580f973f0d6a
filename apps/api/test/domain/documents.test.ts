// The printable documents as pure functions of their data, rendered by lib/pdf.ts and read back with pdfjs-dist:
// what a reader must find in each, the same bytes for the same data, Roboto embedded (never a standard-14 font).
// Laid out in this thread (layOutPdf) for speed; the worker thread the routes use gives the same bytes.
import { describe, expect, it } from 'vitest';
import type { CommissionMember, DraftFields } from '@konkurs/shared';
import { layOutPdf, renderPdf } from '../../src/lib/pdf.js';
import { applicationContentSha256, applicationDocument, type ApplicationPrint } from '../../src/domain/documents/application.js';
import { protocolDocument, type ProtocolData } from '../../src/domain/documents/protocol.js';
import { agreementDocument, moneyInFiguresAndWords, numberInWords, type AgreementData } from '../../src/domain/documents/agreement.js';
import { initialsAndSurname } from '../../src/domain/documents/layout.js';
import { commissionIssues } from '../../src/domain/commission.js';
import { pdfFonts, pdfInfo, pdfPages, pdfText } from '../pdf-text.js';

const at = new Date('2027-02-01T07:30:00Z'); // 10:30 in Moscow
const org = {
  fullName: 'Автономная некоммерческая организация «Родные люди»', shortName: 'АНО «Родные люди»', inn: '4027123456', ogrn: '1224000012345',
  kpp: '402701001', regionCode: '40', address: 'г. Калуга, ул. Ленина, д. 1', email: 'info@rodnye.example', phone: null, website: null,
};
const competition = { code: 'KLG-2027', title: 'Социальные проекты Калужской области', operatorName: 'Министерство труда Калужской области' };
const content: DraftFields = {
  title: 'Семейный клуб «Вместе»', directionCode: 'family', summary: 'Клубы для семей', relevance: 'Обоснование', goal: 'Цель',
  tasks: ['Открыть клубы'], targetGroups: ['Семьи с детьми'], geographyRegionCodes: ['40'], startDate: '2027-03-01', endDate: '2028-02-28',
  team: [{ fullName: 'Иванова Мария Петровна', role: 'Руководитель', experience: '10 лет' }],
  calendarPlan: [{ taskIndex: 0, title: 'Открытие клубов', startDate: '2027-03-01', endDate: '2027-05-31', expectedResult: '12 клубов' }],
  budget: [{ category: 'events', item: 'Фестиваль', quantity: 2, unitCostKopecks: 90_000_000, cofinancingKopecks: 30_000_000 }],
};
const print: ApplicationPrint = {
  number: 'KLG-2027-000042', submittedAt: at, timezone: 'Europe/Moscow', competition, organization: org, content,
  totals: { totalCostKopecks: 180_000_000, cofinancingKopecks: 30_000_000, requestedKopecks: 150_000_000 },
  attachments: [{ kind: 'charter', fileName: 'Устав.pdf', sizeBytes: 123_456, sha256: 'c'.repeat(64) }],
};
const commission: CommissionMember[] = [
  { fullName: 'Сидоров Алексей Викторович', position: 'Заместитель губернатора', role: 'chair' },
  { fullName: 'Кузнецова Ольга Николаевна', position: 'Начальник отдела грантов', role: 'secretary' },
  { fullName: 'Морозов Дмитрий Андреевич', position: 'Председатель Общественной палаты', role: 'member' },
];
const protocol: ProtocolData = {
  competition: { ...competition, budgetKopecks: 200_000_000, passMark: 60, timezone: 'Europe/Moscow', decidedAt: at },
  ranking: [
    { rank: 1, number: 'KLG-2027-000042', title: 'Семейный клуб «Вместе»', organization: org.fullName, inn: org.inn, finalScore: 88.5,
      requestedKopecks: 150_000_000, awardedKopecks: 150_000_000, status: 'winner', reason: null },
    { rank: 2, number: 'KLG-2027-000007', title: 'Школа волонтёров', organization: 'АНО «Добро»', inn: '4027000018', finalScore: 55,
      requestedKopecks: 90_000_000, awardedKopecks: null, status: 'not_supported', reason: 'below-pass-mark' },
  ],
  submitted: 3, rejected: 1, commission,
};
const agreement: AgreementData = {
  number: 'KLG-2027-000042', title: 'Семейный клуб «Вместе»', startDate: '2027-03-01', endDate: '2028-02-28',
  awardedKopecks: 150_000_000, totalCostKopecks: 180_000_000, cofinancingKopecks: 30_000_000,
  competition: { ...competition, timezone: 'Europe/Moscow', publishedAt: at }, organization: org,
  reports: [{ kind: 'interim', seq: 1, dueAt: new Date('2027-08-30T20:59:59Z') }, { kind: 'final', seq: 2, dueAt: new Date('2028-03-29T20:59:59Z') }],
};
const meta = { title: 'Документ', at };

describe('the printed application', () => {
  it('carries the number, the submission time in the competition’s zone, the content’s sha256, the organisation and the amounts', async () => {
    const text = await pdfText(await layOutPdf(applicationDocument(print), meta));
    for (const s of ['Заявка № KLG-2027-000042', '01.02.2027 10:30 (МСК)', applicationContentSha256(content), org.fullName, org.inn,
      org.ogrn, org.kpp, 'г. Калуга, ул. Ленина, д. 1', 'Иванова Мария Петровна', 'Открытие клубов', '1 800 000,00 ₽', '1 500 000,00 ₽', '300 000,00 ₽',
      'Устав.pdf', 'c'.repeat(64), 'Страница 1 из']) expect(text).toContain(s);
  });

  it('hashes the content’s canonical JSON: key order does not change it, a changed field does', () => {
    const reordered = Object.fromEntries(Object.entries(content).reverse()) as DraftFields;
    expect(applicationContentSha256(reordered)).toBe(applicationContentSha256(content));
    expect(applicationContentSha256({ ...content, goal: 'Другая цель' })).not.toBe(applicationContentSha256(content));
    expect(applicationContentSha256(content)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('the protocol', () => {
  it('names the competition, the budget, the pass mark, the ranking with scores, decisions and amounts, and the commission with signature lines', async () => {
    const pages = await pdfPages(await layOutPdf(protocolDocument(protocol), meta));
    const text = pages.join(' ');
    for (const s of ['Протокол заседания конкурсной комиссии', 'KLG-2027', competition.title, competition.operatorName, '2 000 000,00 ₽', '60,00',
      'от 01.02.2027', '88,50', '55,00', 'Победитель', 'итоговый балл ниже проходного', '1 500 000,00 ₽', '500 000,00 ₽',
      'Сидоров Алексей Викторович', 'Председатель комиссии', 'Секретарь комиссии', '/ А. В. Сидоров', '/ О. Н. Кузнецова', '/ Д. А. Морозов'])
      expect(text).toContain(s);
    expect(pages.at(-1)).toContain(`Страница ${pages.length} из ${pages.length}`);
  });

  it('without a commission still has the chair’s and the secretary’s signature lines', async () => {
    const text = await pdfText(await layOutPdf(protocolDocument({ ...protocol, commission: [] }), meta));
    expect(text).toContain('Состав комиссии не указан');
    expect(text).toContain('Председатель комиссии');
  });
});

describe('the agreement', () => {
  it('names the parties with ИНН, ОГРН, КПП and address, the grant in figures and words, the dates and the control points', async () => {
    const text = await pdfText(await layOutPdf(agreementDocument(agreement), meta));
    for (const s of ['Соглашение о предоставлении гранта № KLG-2027-000042', competition.operatorName, org.fullName, org.inn, org.ogrn, org.kpp,
      'г. Калуга, ул. Ленина, д. 1', '1 500 000,00 ₽ (один миллион пятьсот тысяч рублей 00 копеек)', 'с 01.03.2027 по 28.02.2028',
      'Промежуточный отчёт', 'до 30.08.2027 включительно', 'Итоговый отчёт', 'до 29.03.2028 включительно', 'Грантополучатель'])
      expect(text).toContain(s);
  });

  it('says the schedule is yet to come when there are no reports', async () => {
    expect(await pdfText(await layOutPdf(agreementDocument({ ...agreement, reports: [] }), meta))).toContain('График отчётности будет установлен');
  });

  it('writes roubles in words with the right forms', () => {
    expect(numberInWords(0)).toBe('ноль');
    expect(numberInWords(1)).toBe('один');
    expect(numberInWords(21_000)).toBe('двадцать одна тысяча');
    expect(numberInWords(2_002_000)).toBe('два миллиона две тысячи');
    expect(numberInWords(111_115)).toBe('сто одиннадцать тысяч сто пятнадцать');
    expect(numberInWords(1_000_000_000)).toBe('один миллиард');
    expect(moneyInFiguresAndWords(101)).toMatch(/\(один рубль 01 копейка\)$/);
    expect(moneyInFiguresAndWords(1_234_522)).toMatch(/\(двенадцать тысяч триста сорок пять рублей 22 копейки\)$/);
  });
});

describe('every document', () => {
  const all = [() => applicationDocument(print), () => protocolDocument(protocol), () => agreementDocument(agreement)];

  it('is byte-identical for the same data, with the data’s instant as its date', async () => {
    for (const make of all) {
      const [a, b] = [await layOutPdf(make(), meta), await layOutPdf(make(), meta)];
      expect(a.equals(b)).toBe(true);
      expect(await pdfInfo(a)).toMatchObject({ CreationDate: 'D:20270201073000Z', ModDate: 'D:20270201073000Z', Author: 'Konkurs' });
      const later = await layOutPdf(make(), { ...meta, at: new Date(at.getTime() + 1000) });
      expect(later.equals(a)).toBe(false);
    }
  });

  it('comes out of the worker thread (the routes’ path) as the same bytes', async () => {
    expect((await renderPdf(protocolDocument(protocol), meta)).equals(await layOutPdf(protocolDocument(protocol), meta))).toBe(true);
  });

  it('embeds Roboto, never a standard-14 font', async () => {
    for (const make of all) expect(pdfFonts(await layOutPdf(make(), meta))).toEqual(expect.arrayContaining(['Roboto-Regular']));
    for (const make of all) expect(pdfFonts(await layOutPdf(make(), meta)).every((f) => f.startsWith('Roboto-'))).toBe(true);
  });
});

describe('names and the commission', () => {
  it('writes a signature’s name as initials and surname', () => {
    expect(initialsAndSurname('Иванова Мария Петровна')).toBe('М.\u00a0П.\u00a0Иванова');
    expect(initialsAndSurname('  Кузнецов   Олег ')).toBe('О.\u00a0Кузнецов');
    expect(initialsAndSurname('Платон')).toBe('Платон');
  });

  it('allows one chair and one secretary, naming the second of either', () => {
    expect(commissionIssues(commission)).toEqual([]);
    expect(commissionIssues([...commission, { ...commission[0]!, fullName: 'Второй Председатель' }, { ...commission[1]!, fullName: 'Второй Секретарь' }]))
      .toEqual([{ path: 'members.3.role', code: 'commission-one-chair' }, { path: 'members.4.role', code: 'commission-one-secretary' }]);
  });
});
