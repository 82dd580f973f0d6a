// Last year's winners after the award (PRODUCT.md "After the award"): the ministry's commission, the report schedule
// and a year of reports written and reviewed through the use cases, so that every report state is there to see.
// Each winner owes two interim reports (120 and 310 days into its 330-day project) and the final one (30 days after
// the end: not due yet). The first interim reports were all accepted (one after a return); of the second:
//   accepted (most), returned with comments on a spending line and on the narrative (the demo applicant's, «Добрые
//   соседи»: its head sees the comments beside the fields), submitted and waiting for the organiser (two), overdue
//   (one left a draft, one never begun). One winner has begun its final report.
import { and, asc, desc, eq } from 'drizzle-orm';
import type { CommissionMember, FieldComment, ReportFields, ReportPlan } from '@konkurs/shared';
import type { Db } from '../db/client.js';
import { applications, reports } from '../db/schema/index.js';
import type { AuthUser } from '../plugins/auth.js';
import { planOf, reviewReport, saveReport, setReportSchedule, submitReport } from '../services/reports.js';
import type { DemoOrganisation } from './organisations.js';
import { PROJECT_DAYS } from './projects.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** The Kaluga ministry's grant commission (the protocol lists it with signature lines). */
export const DEMO_COMMISSION: CommissionMember[] = [
  { fullName: 'Лебедев Андрей Викторович', position: 'Заместитель министра внутренней политики Калужской области', role: 'chair' },
  { fullName: 'Кузнецова Елена Петровна', position: 'Начальник отдела поддержки некоммерческих организаций министерства', role: 'secretary' },
  { fullName: 'Орлов Дмитрий Сергеевич', position: 'Председатель Общественной палаты Калужской области', role: 'member' },
  { fullName: 'Смирнова Татьяна Николаевна', position: 'Директор Калужского регионального ресурсного центра НКО', role: 'member' },
  { fullName: 'Васильев Игорь Александрович', position: 'Доцент кафедры социальной работы КГУ им. К. Э. Циолковского', role: 'member' },
];

/** Days into the project (which starts 31 days after the closing day, as projects.ts builds it) of each interim report. */
const INTERIM_DAYS = [120, 310] as const;
const FINAL_DAY = PROJECT_DAYS.lastYear + 30;

/** The calendar day `days` after the project's start. */
const projectDay = (closingDay: string, days: number) => new Date(Date.parse(closingDay) + (31 + days) * DAY).toISOString().slice(0, 10);
/** hh:00 Moscow time (UTC+3) on that day. */
const projectInstant = (closingDay: string, days: number, hh: number) => new Date(Date.parse(closingDay) + (31 + days) * DAY + (hh - 3) * HOUR);

/** The organiser sets the two interim dates before the results are published (the final one follows the project's end). */
export async function setLastYearReportSchedule(db: Db, organiser: AuthUser, competitionId: string, closingDay: string, at: Date) {
  await setReportSchedule(db, organiser, competitionId, INTERIM_DAYS.map((d) => projectDay(closingDay, d)), at);
}

/** What happened to a winner's second interim report, by the winner's place in the ranking. */
type Second = 'accepted' | 'returned' | 'submitted' | 'draft' | 'untouched';
const SECOND: readonly Second[] = [
  'accepted', 'returned', 'submitted', 'accepted', 'accepted', 'draft', 'accepted', 'accepted', 'submitted', 'accepted', 'untouched', 'accepted', 'accepted',
];
/** The winner (by place) whose first interim report was returned once before it was accepted. */
const RETURNED_FIRST = 3;

export interface DemoOwner { actor: AuthUser; org: DemoOrganisation; index: number }

/** Writes, submits and reviews last year's reports at their past instants; `owners` by organisation id. */
export async function seedLastYearReports(db: Db, organiser: AuthUser, owners: Map<string, DemoOwner>, competitionId: string, closingDay: string, now: Date) {
  const winners = await db.select({
    id: applications.id, organizationId: applications.organizationId, direction: applications.directionCode, content: applications.content, awardedKopecks: applications.awardedKopecks,
  })
    .from(applications).where(and(eq(applications.competitionId, competitionId), eq(applications.status, 'winner')))
    .orderBy(desc(applications.finalScore), asc(applications.number));
  const rows = await db.select({ id: reports.id, applicationId: reports.applicationId, seq: reports.seq, kind: reports.kind, version: reports.version })
    .from(reports).where(eq(reports.competitionId, competitionId)).orderBy(asc(reports.seq));
  const at = (days: number, hh: number) => {
    const t = projectInstant(closingDay, days, hh);
    if (t.getTime() >= now.getTime()) throw new Error(`demo: a report step at ${t.toISOString()} is not in the past`);
    return t;
  };

  for (const [place, w] of winners.entries()) {
    const owner = owners.get(w.organizationId)!;
    const [first, second, final] = rows.filter((r) => r.applicationId === w.id);
    if (!first || !second || final?.kind !== 'final') throw new Error(`demo: winner ${w.id} has not the three reports the schedule implies`);
    const writer = new ReportWriter(db, owner, organiser, w.direction ?? 'social_services', planOf(w.content, w.awardedKopecks), [first, second, final]);
    const shift = place % 5;

    // The first interim report: written in the week before it is due, accepted within ten days.
    await writer.save(first.id, INTERIM_DAYS[0], 'first', at(INTERIM_DAYS[0] - 8 + shift, 11));
    await writer.submit(first.id, at(INTERIM_DAYS[0] - 3 + (place % 3), 16));
    if (place === RETURNED_FIRST) {
      await writer.review(first.id, 'return', at(INTERIM_DAYS[0] + 4, 12), 'Отчёт возвращён на доработку.',
        [{ path: 'events.1.result', comment: 'Укажите, сколько волонтёров обучено и сколько из них уже работает по графику.' }]);
      await writer.save(first.id, INTERIM_DAYS[0], 'first-fixed', at(INTERIM_DAYS[0] + 7, 10));
      await writer.submit(first.id, at(INTERIM_DAYS[0] + 7, 15));
      await writer.review(first.id, 'accept', at(INTERIM_DAYS[0] + 11, 12));
    } else {
      await writer.review(first.id, 'accept', at(INTERIM_DAYS[0] + 3 + shift, 12));
    }

    // The second interim report, due about three weeks ago.
    const fate = SECOND[place] ?? 'accepted';
    const due = INTERIM_DAYS[1];
    if (fate === 'accepted') {
      await writer.save(second.id, due, 'second', at(due - 9 + shift, 11));
      await writer.submit(second.id, at(due - 3 + (place % 3), 16));
      await writer.review(second.id, 'accept', at(due + 2 + shift, 12));
    } else if (fate === 'returned') {
      await writer.save(second.id, due, 'second', at(due - 8, 11));
      await writer.submit(second.id, at(due - 3, 16));
      await writer.review(second.id, 'return', at(due + 6, 12),
        'Отчёт возвращён на доработку: уточните расходы на оборудование и дополните описание результатов.', [
          { path: 'spending.1.grantSpentKopecks', comment: 'Сумма не совпадает с товарными накладными: приложите накладные и платёжные поручения на всю сумму или исправьте её.' },
          { path: 'narrative', comment: 'Напишите, сколько семей пришли в центр за отчётный период и как вы их считали (журнал посещений, регистрация).' },
        ]);
    } else if (fate === 'submitted') {
      // Late, and waiting for the organiser since.
      await writer.save(second.id, due, 'second', at(due + 14, 11));
      await writer.submit(second.id, at(PROJECT_DAYS.lastYear - 4 + (place % 2), 17));
    } else if (fate === 'draft') {
      await writer.save(second.id, due, 'draft', at(due - 6, 19));
    }

    // The final report: one winner has begun it.
    if (place === 0) {
      await writer.save(final.id, PROJECT_DAYS.lastYear, 'draft', at(PROJECT_DAYS.lastYear - 5, 18));
    }
  }
}

type Stage = 'first' | 'first-fixed' | 'second' | 'draft';

/** One winner's reports as its head writes them and the organiser reviews them. */
class ReportWriter {
  /** Each report's version as the writer last saw it. */
  private versions: Map<string, number>;
  constructor(private db: Db, private owner: DemoOwner, private organiser: AuthUser, private direction: string, private plan: ReportPlan,
    reportRows: { id: string; version: number }[]) {
    this.versions = new Map(reportRows.map((r) => [r.id, r.version]));
  }

  async save(id: string, day: number, stage: Stage, at: Date) {
    const saved = await saveReport(this.db, this.owner.actor, id, { version: this.versions.get(id)!, ...this.content(this.plan, day, stage) }, at);
    this.versions.set(id, saved.version);
  }

  async submit(id: string, at: Date) {
    this.versions.set(id, (await submitReport(this.db, this.owner.actor, id, at)).version);
  }

  async review(id: string, decision: 'accept' | 'return', at: Date, comment?: string, fieldComments?: FieldComment[]) {
    this.versions.set(id, (await reviewReport(this.db, this.organiser, id, { decision, comment, fieldComments }, at)).version);
  }

  /** The report `day` days into the project: events done, under way or ahead; spending in proportion; the narrative. */
  private content(plan: ReportPlan, day: number, stage: Stage): ReportFields {
    const { org, index } = this.owner;
    const start = plan.startDate ? Date.parse(plan.startDate) : 0;
    const asOf = new Date(start + day * DAY).toISOString().slice(0, 10);
    const share = stage === 'first' || stage === 'first-fixed' ? 0.35 : stage === 'draft' ? 0.7 : 0.85;
    const events: NonNullable<ReportFields['events']> = plan.calendarPlan.map((e, calendarIndex) => {
      const result = RESULTS[calendarIndex % RESULTS.length](org, index, stage);
      if (e.endDate && e.endDate <= asOf) return { calendarIndex, status: 'done', actualStartDate: e.startDate, actualEndDate: e.endDate, result };
      // Under way: done so far, through the report's day.
      if (e.startDate && e.startDate <= asOf) return { calendarIndex, status: 'partly', actualStartDate: e.startDate, actualEndDate: asOf, result };
      return { calendarIndex, status: 'not_done', actualStartDate: null, actualEndDate: null, result: 'Мероприятие начнётся по календарному плану.' };
    });
    // Draft: the head has not got to the last events yet.
    if (stage === 'draft') events.splice(1);
    // Cumulative since the start, every line in the same proportion (the grant rounded down, the co-financing up to
    // a thousand roubles, so the co-financed share never falls below the promised one).
    const THOUSAND = 100_000;
    const spending = plan.budget.map((b, budgetIndex) => ({
      budgetIndex,
      grantSpentKopecks: Math.floor((b.grantKopecks * share) / THOUSAND) * THOUSAND,
      cofinancingSpentKopecks: Math.min(b.cofinancingKopecks, Math.ceil((b.cofinancingKopecks * share) / THOUSAND) * THOUSAND),
      note: budgetIndex === 1 ? 'Закуплено по трём коммерческим предложениям.' : null,
    }));
    const news = NEWS[org.regionCode] ?? NEWS['40'];
    return {
      events, spending,
      narrative: narrative(org, this.direction, stage),
      links: stage === 'draft' ? [`https://vk.com/club${215_040_000 + index}`] : [`https://vk.com/club${215_040_000 + index}`, `${news}${2026_0000 + index * 37 + (stage === 'second' ? 5 : 0)}`],
      cofinancingNote: null,
    };
  }
}

const RESULTS: readonly ((org: DemoOrganisation, index: number, stage: Stage) => string)[] = [
  (org, i) => `Подготовительный этап завершён: ${org.shortName} составила списки участников (${24 + (i % 7) * 3} человек), договорилась с партнёрами в городе ${org.city}, закупила оборудование.`,
  (_org, i, stage) => stage === 'first'
    ? `Работа идёт по графику: проведено ${6 + (i % 4)} встреч и занятий, участвуют ${40 + (i % 9) * 5} человек.`
    : `Проведено ${stage === 'first-fixed' ? 9 : 31 + (i % 6)} встреч и занятий; обучено ${12 + (i % 5)} волонтёров, ${9 + (i % 4)} из них работают по графику; участвуют ${70 + (i % 9) * 6} человек.`,
];

/** A local news site of each demo region (links to their pages about the projects). */
const NEWS: Record<string, string> = {
  '40': 'https://www.nikatv.ru/news/obshestvo/',
  '32': 'https://www.bragazeta.ru/news/',
  '50': 'https://inmosreg.ru/news/',
  '57': 'https://www.orel-region.ru/index.php?head=6&part=73&in=',
  '67': 'https://www.smolnarod.ru/news/',
  '71': 'https://tulapressa.ru/news/',
  '77': 'https://www.mos.ru/news/item/',
};

const AIMS: Record<string, string> = {
  social_services: 'пожилым людям и людям с инвалидностью',
  family: 'семьям с детьми',
  youth: 'подросткам и молодёжи',
  culture: 'жителям районных центров и сёл',
  health: 'людям старшего возраста и детям с особенностями развития',
  environment: 'школьникам и жителям прибрежных районов',
  historical_memory: 'школьникам и учителям истории',
};

function narrative(org: DemoOrganisation, direction: string, stage: Stage): string {
  const whom = AIMS[direction] ?? AIMS.social_services;
  if (stage === 'first' || stage === 'first-fixed') {
    return `За первые четыре месяца ${org.shortName} начала работу по проекту в городе ${org.city}: команда собрана, помещение и оборудование готовы, `
      + `первые занятия прошли. Помощь ${whom} оказывается по плану; о проекте рассказали местные СМИ и группа организации во «ВКонтакте». `
      + 'Главная трудность этапа — поздняя поставка оборудования: занятия начались на две недели позже, отставание наверстали к концу периода.';
  }
  if (stage === 'draft') return `Отчёт готовится. ${org.shortName}: основные мероприятия второго этапа проведены, описание результатов дополняется.`;
  return `Второй этап проекта ${org.shortName} прошёл по плану. Регулярные занятия и встречи идут каждую неделю, к работе подключились волонтёры, `
    + `помощь ${whom} получают и жители соседних районов. Партнёры проекта — администрация города ${org.city}, школы и центр социального обслуживания — `
    + 'помогают с помещениями и набором участников. Расходы идут по смете; софинансирование организация вносит в той же доле, что в заявке. '
    + 'На последнем этапе готовим итоговое мероприятие и сборник методических материалов.';
}
