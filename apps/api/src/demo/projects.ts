// The demo's projects and what became of them, and the application content built from each: every section filled so
// that the submit rules pass (dates after the closing day, a budget with 20 % co-financing, a plan tied to the tasks).
import type { DraftFields } from '@konkurs/shared';
import type { DemoOrganisation } from './organisations.js';

/** What happens to an application: screened out, withdrawn, left unscreened, or reviewed to a final score. */
export type Fate =
  | { kind: 'reviewed'; score: number }
  /** Its two reviews differ by more than the threshold; `extra` is the extra expert's total (absent: still waiting). */
  | { kind: 'divergent'; totals: [number, number]; extra?: number }
  | { kind: 'rejected'; reason: string }
  | { kind: 'withdrawn' }
  | { kind: 'submitted' }
  | { kind: 'draft' };

export interface DemoProject {
  org: number;
  title: string;
  direction: string;
  requestedRoubles: number;
  fate: Fate;
}

const ok = (score: number): Fate => ({ kind: 'reviewed', score });
const p = (org: number, title: string, direction: string, requestedRoubles: number, fate: Fate): DemoProject => ({ org, title, direction, requestedRoubles, fate });

/**
 * (a) Last year's interregional competition, published. 40 applications from seven regions; two rejected at screening,
 * one withdrawn; «Скандинавская ходьба» diverged (88 and 41) and got its extra review (72: final 67,00); «Добрые соседи»
 * won with its first application, so its second (84,00) is passed over by the one-win rule; the budget ends the list.
 */
export const LAST_YEAR: readonly DemoProject[] = [
  p(1, 'Серебряный университет: цифровая грамотность для пенсионеров', 'social_services', 650_000, ok(86)),
  p(0, 'Соседский центр для семей с детьми', 'family', 900_000, ok(91)),
  p(14, 'Экотропа «Брянский лес» для школьников', 'environment', 480_000, ok(74)),
  p(2, 'Молодёжный медиацентр Обнинска', 'youth', 750_000, ok(81)),
  p(17, 'Школа волонтёров серебряного возраста', 'social_services', 420_000, ok(63)),
  p(20, 'Школа приёмных родителей', 'family', 820_000, ok(88)),
  p(23, 'Живая история крепостной стены', 'historical_memory', 1_200_000, ok(57)),
  p(26, 'Ремёсла Тульского края: мастерские для подростков', 'culture', 560_000, ok(69)),
  p(29, 'Аудиогиды о забытых улицах Москвы', 'culture', 900_000, ok(52)),
  p(3, 'Передышка: дневной центр для детей с инвалидностью', 'social_services', 1_400_000, ok(93)),
  p(0, 'Соседская помощь одиноким пожилым людям', 'social_services', 600_000, ok(84)),
  p(15, 'Социальный навигатор: консультации для семей в трудной ситуации', 'social_services', 540_000, ok(77)),
  p(18, 'Серпуховские дворы: соседские праздники', 'culture', 380_000, ok(49)),
  p(21, 'Литературные маршруты Тургеневского края', 'culture', 700_000, ok(72)),
  p(24, 'Скандинавская ходьба для всех', 'health', 350_000, { kind: 'divergent', totals: [88, 41], extra: 72 }),
  p(27, 'Тренажёры памяти: профилактика деменции', 'health', 610_000, ok(79)),
  p(30, 'Юридическая помощь семьям с детьми-инвалидами', 'social_services', 990_000,
    { kind: 'rejected', reason: 'На те же цели организация уже получает субсидию министерства труда области: двойное финансирование не допускается.' }),
  p(4, 'Семейный клуб выходного дня', 'family', 450_000, ok(83)),
  p(5, 'Театр в каждом селе: гастроли по районам области', 'culture', 1_100_000, ok(76)),
  p(6, 'Чистые берега Оки', 'environment', 520_000, ok(71)),
  p(16, 'Кризисная квартира для женщин с детьми', 'family', 1_300_000, ok(89)),
  p(19, 'Профессиональное обучение молодых людей с инвалидностью', 'youth', 870_000, ok(66)),
  p(22, 'Пункт проката средств реабилитации', 'social_services', 400_000, ok(61)),
  p(25, 'Раздельный сбор отходов в школах Смоленска', 'environment', 300_000, ok(58)),
  p(28, 'Робототехника в сельских школах', 'youth', 980_000, ok(82)),
  p(31, 'Социальная гостиница для выпускников детских домов', 'social_services', 1_500_000, ok(78)),
  p(7, 'Ранняя помощь детям с аутизмом', 'health', 1_000_000, ok(87)),
  p(8, 'Оптина тропа: краеведческий маршрут Козельска', 'historical_memory', 640_000, ok(55)),
  p(9, 'Адаптивный спорт для детей', 'health', 720_000, ok(75)),
  p(10, 'Книга памяти Малоярославецкого района', 'historical_memory', 300_000, ok(65)),
  p(11, 'Школа НКО Людиновского района', 'social_services', 260_000, ok(47)),
  p(12, 'Добровольческий штаб помощи пожилым', 'social_services', 340_000, { kind: 'withdrawn' }),
  p(13, 'Папа-школа: клуб ответственного отцовства', 'family', 380_000, ok(73)),
  p(2, 'Молодёжная киберспортивная лига без вреда для здоровья', 'youth', 500_000, ok(45)),
  p(14, 'Фестиваль народной песни «Брянский лес поёт»', 'culture', 800_000, ok(43)),
  p(20, 'Мама, я дома: поддержка кровных семей', 'family', 700_000, ok(59)),
  p(26, 'Семейные кулинарные мастерские «Тульский пряник»', 'culture', 450_000, ok(54)),
  p(3, 'Родительская школа для семей детей с ОВЗ', 'family', 500_000,
    { kind: 'rejected', reason: 'Проект повторяет заявку организации «Передышка», поданную в этот же конкурс: два гранта на одни цели не выдаются.' }),
  p(23, 'Школьный лекторий «Смоленск — город-герой»', 'historical_memory', 420_000, ok(62)),
  p(9, 'Футбол во дворах', 'youth', 360_000, ok(50)),
];

/**
 * (b) This season's youth and family competition, in review: one application waits for screening, one was rejected,
 * ten are with the experts. «Волонтёрский корпус» diverged (86 and 42) and waits for its extra expert.
 */
export const IN_REVIEW: readonly DemoProject[] = [
  p(2, 'Школа молодёжных медиа «Объектив»', 'youth', 380_000, ok(78)),
  p(4, 'Семейные выходные в музеях Калуги', 'family', 250_000, ok(64)),
  p(0, 'Дворовые игры: летний лагерь у дома', 'youth', 300_000, ok(82)),
  p(12, 'Волонтёрский корпус «Снегопад»', 'youth', 200_000, { kind: 'divergent', totals: [86, 42] }),
  p(13, 'Школа молодой семьи', 'family', 420_000, ok(71)),
  p(5, 'Подростковая театральная лаборатория', 'youth', 350_000, ok(58)),
  p(9, 'Турнир дворовых команд', 'youth', 180_000, ok(66)),
  p(7, 'Инклюзивная смена для подростков', 'youth', 480_000, ok(90)),
  p(11, 'Молодёжный совет Людинова', 'youth', 150_000, ok(52)),
  p(6, 'Эковолонтёры Оки', 'youth', 220_000,
    { kind: 'rejected', reason: 'Бюджет включает ремонт причала — капитальные расходы положение о конкурсе не допускает.' }),
  p(3, 'Семейные мастерские для детей с ОВЗ', 'family', 400_000, ok(75)),
  p(1, 'Внуки и бабушки: цифровой клуб поколений', 'family', 160_000, { kind: 'submitted' }),
];

/** (c) The open competition: three applications already submitted, one draft still being written. */
export const OPEN_NOW: readonly DemoProject[] = [
  p(1, 'Серебряное волонтёрство', 'social_services', 600_000, { kind: 'submitted' }),
  p(4, 'Семейный центр «Гнездо»', 'family', 1_200_000, { kind: 'submitted' }),
  p(7, 'Ресурсный центр для родителей особых детей', 'social_services', 2_000_000, { kind: 'submitted' }),
  p(2, 'Молодёжный коворкинг «Точка роста»', 'youth', 450_000, { kind: 'draft' }),
];

const ABOUT: Record<string, { why: string; tasks: [string, string]; groups: string[]; result: [string, string] }> = {
  social_services: {
    why: 'людям, которые живут одни или ухаживают за близкими, не хватает помощи рядом с домом: социальные службы перегружены, а волонтёров мало',
    tasks: ['Найти тех, кому нужна помощь, и составить план поддержки для каждого', 'Обучить волонтёров и специалистов и организовать их работу'],
    groups: ['Пожилые люди, живущие одни', 'Люди с инвалидностью и их родственники'],
    result: ['Составлены планы поддержки', 'Волонтёры обучены и работают по графику'],
  },
  family: {
    why: 'семьи с детьми, особенно многодетные и приёмные, редко получают поддержку до того, как начинается кризис',
    tasks: ['Открыть место встреч и консультаций для семей', 'Провести занятия и встречи для родителей и детей'],
    groups: ['Семьи с детьми', 'Многодетные и приёмные семьи'],
    result: ['Пространство для семей открыто', 'Проведены встречи и консультации'],
  },
  youth: {
    why: 'у подростков и молодёжи малых городов мало мест, где можно научиться новому делу и проявить себя',
    tasks: ['Набрать и обучить команду молодых участников', 'Провести с участниками собственные проекты и показать их городу'],
    groups: ['Подростки 14–17 лет', 'Студенты и работающая молодёжь'],
    result: ['Команда участников набрана и обучена', 'Проекты участников представлены'],
  },
  culture: {
    why: 'жители районных центров и сёл редко бывают на спектаклях, концертах и в мастерских: ближайшие площадки далеко',
    tasks: ['Подготовить программу занятий и выступлений', 'Провести выездные события в районах'],
    groups: ['Жители районных центров и сёл', 'Школьники и их родители'],
    result: ['Программа подготовлена', 'Выездные события проведены'],
  },
  health: {
    why: 'регулярная физическая активность и ранняя помощь снижают риски болезней, но бесплатных занятий рядом с домом почти нет',
    tasks: ['Подготовить инструкторов и площадки для занятий', 'Провести регулярные занятия и оценить их результат'],
    groups: ['Люди старшего возраста', 'Дети с особенностями развития'],
    result: ['Инструкторы подготовлены', 'Занятия проводятся регулярно'],
  },
  environment: {
    why: 'берега рек и городские парки засоряются, а жители не знают, как включиться в их охрану',
    tasks: ['Собрать отряды добровольцев и провести обучение', 'Провести экологические акции и просветительские занятия'],
    groups: ['Школьники и студенты', 'Жители прибрежных районов'],
    result: ['Отряды добровольцев собраны', 'Проведены акции и занятия'],
  },
  historical_memory: {
    why: 'свидетельства истории края уходят вместе со старшим поколением, а школьники знают о них мало',
    tasks: ['Собрать воспоминания, документы и фотографии', 'Подготовить и представить издание и занятия для школьников'],
    groups: ['Школьники и учителя истории', 'Жители района старшего возраста'],
    result: ['Материалы собраны и оцифрованы', 'Издание представлено в школах'],
  },
};

const ISO = (t: number) => new Date(t).toISOString().slice(0, 10);
const DAY = 86_400_000;

/**
 * How long the demo's projects run: last year's run 330 days (started a month after the close, they end these days,
 * so their final reports are not due yet while the interim ones are in every state); the others 240.
 */
export const PROJECT_DAYS = { lastYear: 330, usual: 240 } as const;

/** The project card (what a first save holds): it starts a month after the close and runs `days` days. */
export function projectCard(project: DemoProject, org: DemoOrganisation, closingDay: string, days: number = PROJECT_DAYS.usual): DraftFields {
  const about = ABOUT[project.direction] ?? ABOUT.social_services;
  const start = Date.parse(closingDay) + 31 * DAY;
  return {
    title: project.title, directionCode: project.direction,
    summary: `${project.title}. Проект ${org.shortName} для жителей: ${org.city} и окрестности.`,
    relevance: `Сейчас ${about.why}. ${org.shortName} работает в городе ${org.city} несколько лет и знает, кому помощь нужна в первую очередь.`,
    goal: `Сделать так, чтобы к концу проекта не менее ${Math.round(project.requestedRoubles / 2_000)} человек получили помощь и новые возможности.`,
    tasks: [...about.tasks], targetGroups: [...about.groups], geographyRegionCodes: [org.regionCode],
    startDate: ISO(start), endDate: ISO(start + days * DAY),
  };
}

/** The rest of the application (team, plan, budget): `requestedRoubles` asked, a fifth of the cost co-financed. */
export function projectDetails(project: DemoProject, org: DemoOrganisation, closingDay: string, days: number = PROJECT_DAYS.usual): DraftFields {
  const about = ABOUT[project.direction] ?? ABOUT.social_services;
  const start = Date.parse(closingDay) + 31 * DAY;
  const months = Math.round(days / 30);
  const requested = project.requestedRoubles;
  const cofinancing = Math.round(requested / 4 / 100) * 100;
  const total = requested + cofinancing;
  const salary = Math.round(total * 0.5 / months / 100) * 100;
  const goods = Math.round(total * 0.3 / 100) * 100;
  const events = total - salary * months - goods;
  const rub = (x: number) => x * 100;
  return {
    team: [
      { fullName: org.head, role: 'Руководитель проекта', experience: `Руководитель ${org.shortName}: более пяти лет ведёт социальные проекты, в том числе на средства грантов.` },
      { fullName: 'Бухгалтер организации', role: 'Бухгалтер проекта', experience: 'Ведёт учёт грантовых средств и отчётность.' },
    ],
    calendarPlan: [
      { taskIndex: 0, title: about.tasks[0], startDate: ISO(start), endDate: ISO(start + 90 * DAY), expectedResult: about.result[0] },
      { taskIndex: 1, title: about.tasks[1], startDate: ISO(start + 60 * DAY), endDate: ISO(start + days * DAY), expectedResult: about.result[1] },
    ],
    budget: [
      { category: 'salaries', item: `Оплата труда команды проекта (${months} месяцев)`, quantity: months, unitCostKopecks: rub(salary), cofinancingKopecks: rub(cofinancing) },
      { category: 'goods', item: 'Оборудование и расходные материалы', quantity: 1, unitCostKopecks: rub(goods), cofinancingKopecks: 0 },
      { category: 'events', item: 'Проведение мероприятий проекта', quantity: 1, unitCostKopecks: rub(events), cofinancingKopecks: 0 },
    ],
  };
}

/** An expert's scores adding up to `total` on ten criteria of 0..10 (the default set), with a comment that fits. */
export function scoresFor(total: number, criteria: readonly { code: string; maxScore: number }[]) {
  const max = criteria.reduce((s, c) => s + c.maxScore, 0);
  let left = Math.round((total / 100) * max);
  const scores = criteria.map((c, i) => {
    const share = Math.min(c.maxScore, Math.ceil(left / (criteria.length - i)));
    left -= share;
    return { criterionCode: c.code, score: share, comment: '' };
  });
  const comment = total >= 80
    ? 'Сильный проект: понятная цель, реалистичный план и бюджет, у команды есть опыт.'
    : total >= 60
      ? 'Проект полезен, но план и бюджет стоит уточнить: часть расходов не связана с результатами.'
      : 'Актуальность не доказана, результаты описаны общими словами, бюджет завышен.';
  return { scores, comment };
}
