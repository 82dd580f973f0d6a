// Reference data: subjects of the Russian Federation, the fund's 13 directions, the default criteria.
// The migration `migrations/0001_reference_data.sql` inserts exactly these (a test keeps them in step).

export const FEDERAL_DISTRICTS = {
  central: 'Центральный федеральный округ',
  northwest: 'Северо-Западный федеральный округ',
  south: 'Южный федеральный округ',
  northcaucasus: 'Северо-Кавказский федеральный округ',
  volga: 'Приволжский федеральный округ',
  ural: 'Уральский федеральный округ',
  siberia: 'Сибирский федеральный округ',
  fareast: 'Дальневосточный федеральный округ',
} as const;
export type FederalDistrict = keyof typeof FEDERAL_DISTRICTS;

type RegionRow = readonly [code: string, name: string, district: FederalDistrict];
export const REGIONS: readonly RegionRow[] = [
  ['01', 'Республика Адыгея', 'south'], ['02', 'Республика Башкортостан', 'volga'],
  ['03', 'Республика Бурятия', 'fareast'], ['04', 'Республика Алтай', 'siberia'],
  ['05', 'Республика Дагестан', 'northcaucasus'], ['06', 'Республика Ингушетия', 'northcaucasus'],
  ['07', 'Кабардино-Балкарская Республика', 'northcaucasus'], ['08', 'Республика Калмыкия', 'south'],
  ['09', 'Карачаево-Черкесская Республика', 'northcaucasus'], ['10', 'Республика Карелия', 'northwest'],
  ['11', 'Республика Коми', 'northwest'], ['12', 'Республика Марий Эл', 'volga'],
  ['13', 'Республика Мордовия', 'volga'], ['14', 'Республика Саха (Якутия)', 'fareast'],
  ['15', 'Республика Северная Осетия — Алания', 'northcaucasus'], ['16', 'Республика Татарстан', 'volga'],
  ['17', 'Республика Тыва', 'siberia'], ['18', 'Удмуртская Республика', 'volga'],
  ['19', 'Республика Хакасия', 'siberia'], ['20', 'Чеченская Республика', 'northcaucasus'],
  ['21', 'Чувашская Республика', 'volga'], ['22', 'Алтайский край', 'siberia'],
  ['23', 'Краснодарский край', 'south'], ['24', 'Красноярский край', 'siberia'],
  ['25', 'Приморский край', 'fareast'], ['26', 'Ставропольский край', 'northcaucasus'],
  ['27', 'Хабаровский край', 'fareast'], ['28', 'Амурская область', 'fareast'],
  ['29', 'Архангельская область', 'northwest'], ['30', 'Астраханская область', 'south'],
  ['31', 'Белгородская область', 'central'], ['32', 'Брянская область', 'central'],
  ['33', 'Владимирская область', 'central'], ['34', 'Волгоградская область', 'south'],
  ['35', 'Вологодская область', 'northwest'], ['36', 'Воронежская область', 'central'],
  ['37', 'Ивановская область', 'central'], ['38', 'Иркутская область', 'siberia'],
  ['39', 'Калининградская область', 'northwest'], ['40', 'Калужская область', 'central'],
  ['41', 'Камчатский край', 'fareast'], ['42', 'Кемеровская область — Кузбасс', 'siberia'],
  ['43', 'Кировская область', 'volga'], ['44', 'Костромская область', 'central'],
  ['45', 'Курганская область', 'ural'], ['46', 'Курская область', 'central'],
  ['47', 'Ленинградская область', 'northwest'], ['48', 'Липецкая область', 'central'],
  ['49', 'Магаданская область', 'fareast'], ['50', 'Московская область', 'central'],
  ['51', 'Мурманская область', 'northwest'], ['52', 'Нижегородская область', 'volga'],
  ['53', 'Новгородская область', 'northwest'], ['54', 'Новосибирская область', 'siberia'],
  ['55', 'Омская область', 'siberia'], ['56', 'Оренбургская область', 'volga'],
  ['57', 'Орловская область', 'central'], ['58', 'Пензенская область', 'volga'],
  ['59', 'Пермский край', 'volga'], ['60', 'Псковская область', 'northwest'],
  ['61', 'Ростовская область', 'south'], ['62', 'Рязанская область', 'central'],
  ['63', 'Самарская область', 'volga'], ['64', 'Саратовская область', 'volga'],
  ['65', 'Сахалинская область', 'fareast'], ['66', 'Свердловская область', 'ural'],
  ['67', 'Смоленская область', 'central'], ['68', 'Тамбовская область', 'central'],
  ['69', 'Тверская область', 'central'], ['70', 'Томская область', 'siberia'],
  ['71', 'Тульская область', 'central'], ['72', 'Тюменская область', 'ural'],
  ['73', 'Ульяновская область', 'volga'], ['74', 'Челябинская область', 'ural'],
  ['75', 'Забайкальский край', 'fareast'], ['76', 'Ярославская область', 'central'],
  ['77', 'Москва', 'central'], ['78', 'Санкт-Петербург', 'northwest'],
  ['79', 'Еврейская автономная область', 'fareast'], ['83', 'Ненецкий автономный округ', 'northwest'],
  ['86', 'Ханты-Мансийский автономный округ — Югра', 'ural'], ['87', 'Чукотский автономный округ', 'fareast'],
  ['89', 'Ямало-Ненецкий автономный округ', 'ural'], ['90', 'Запорожская область', 'south'],
  ['91', 'Республика Крым', 'south'], ['92', 'Севастополь', 'south'],
  ['93', 'Донецкая Народная Республика', 'south'], ['94', 'Луганская Народная Республика', 'south'],
  ['95', 'Херсонская область', 'south'],
];
export const REGION_CODES = REGIONS.map((r) => r[0]);

type DirectionRow = readonly [code: string, ru: string, en: string];
export const DIRECTIONS: readonly DirectionRow[] = [
  ['social_services', 'Социальное обслуживание, социальная поддержка и защита граждан', 'Social services, social support and protection of citizens'],
  ['health', 'Охрана здоровья граждан, пропаганда здорового образа жизни', 'Health protection and healthy lifestyles'],
  ['family', 'Поддержка семьи, материнства, отцовства и детства', 'Support for family, motherhood, fatherhood and childhood'],
  ['youth', 'Поддержка молодёжных проектов', 'Youth projects'],
  ['science_education', 'Поддержка проектов в области науки, образования, просвещения', 'Science, education and enlightenment'],
  ['culture', 'Поддержка проектов в области культуры и искусства', 'Culture and art'],
  ['young_talents', 'Выявление и поддержка молодых талантов в области культуры и искусства', 'Young talents in culture and art'],
  ['historical_memory', 'Сохранение исторической памяти', 'Preservation of historical memory'],
  ['human_rights', 'Защита прав и свобод человека и гражданина', 'Human and civil rights'],
  ['environment', 'Охрана окружающей среды и защита животных', 'Environment and animal protection'],
  ['interethnic', 'Укрепление межнационального и межрелигиозного согласия', 'Inter-ethnic and inter-religious harmony'],
  ['public_diplomacy', 'Развитие общественной дипломатии и поддержка соотечественников', 'Public diplomacy and support for compatriots'],
  ['civil_society', 'Развитие институтов гражданского общества', 'Civil-society institutions'],
];
export const DIRECTION_CODES = DIRECTIONS.map((d) => d[0]);

export interface CriterionDefinition {
  code: string;
  title: string;
  description: string;
  weight: number;
  maxScore: number;
  commentRequired: boolean;
}

const DEFAULT_CRITERIA_TITLES = [
  'Актуальность и социальная значимость проекта',
  'Логическая связность и реализуемость проекта',
  'Инновационность, уникальность проекта',
  'Соотношение планируемых расходов и ожидаемых результатов',
  'Реалистичность бюджета проекта',
  'Масштаб реализации проекта',
  'Собственный вклад организации и дополнительные ресурсы, перспективы развития',
  'Опыт организации по успешной реализации проектов',
  'Опыт и компетенции команды проекта',
  'Информационная открытость организации',
];
export const DEFAULT_CRITERIA: readonly CriterionDefinition[] = DEFAULT_CRITERIA_TITLES.map((title, i) => ({
  code: `K${i + 1}`,
  title,
  description: '',
  weight: 1,
  maxScore: 10,
  commentRequired: false,
}));
