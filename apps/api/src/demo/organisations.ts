// The demo's NGOs: 32 organisations in seven regions (Калужская область and its neighbours), each with a valid ИНН and
// ОГРН built from its index with the shared check digits. The first is the demo applicant's own; each of the others
// belongs to a background applicant account (ngo-NN@konkurs.demo).
import { innCheckDigit, ogrnCheckDigit } from '@konkurs/shared';

export interface DemoOrganisation {
  shortName: string;
  fullName: string;
  regionCode: string;
  city: string;
  /** The head, who drafts and submits its applications. */
  head: string;
}

const KINDS = {
  АНО: 'Автономная некоммерческая организация',
  РОО: 'Региональная общественная организация',
  БФ: 'Благотворительный фонд',
  МОО: 'Местная общественная организация',
  Фонд: 'Фонд',
} as const;

const org = (kind: keyof typeof KINDS, name: string, regionCode: string, city: string, head: string): DemoOrganisation => ({
  shortName: `${kind} «${name}»`, fullName: `${KINDS[kind]} «${name}»`, regionCode, city, head,
});

export const ORGANISATIONS: readonly DemoOrganisation[] = [
  // 0: the demo applicant's (applicant@konkurs.demo), with the identity the demo has always had.
  org('АНО', 'Добрые соседи', '40', 'Калуга', 'Анна Заявителева'),
  org('РОО', 'Серебряный возраст', '40', 'Калуга', 'Галина Петровна Соколова'),
  org('АНО', 'Молодёжный центр Импульс', '40', 'Обнинск', 'Дмитрий Андреевич Волков'),
  org('БФ', 'Открытые сердца', '40', 'Калуга', 'Елена Викторовна Морозова'),
  org('МОО', 'Многодетные семьи Обнинска', '40', 'Обнинск', 'Ольга Сергеевна Лебедева'),
  org('АНО', 'Театральная мастерская Притвор', '40', 'Калуга', 'Артём Игоревич Новиков'),
  org('АНО', 'Зелёная Ока', '40', 'Калуга', 'Сергей Николаевич Козлов'),
  org('РОО', 'Особое детство', '40', 'Калуга', 'Наталья Александровна Павлова'),
  org('АНО', 'Козельская слобода', '40', 'Козельск', 'Иван Петрович Семёнов'),
  org('АНО', 'Спорт без границ', '40', 'Малоярославец', 'Алексей Викторович Голубев'),
  org('БФ', 'Память Малоярославца', '40', 'Малоярославец', 'Татьяна Михайловна Виноградова'),
  org('АНО', 'Людиновский ресурсный центр', '40', 'Людиново', 'Марина Олеговна Богданова'),
  org('МОО', 'Волонтёры Калуги', '40', 'Калуга', 'Кирилл Андреевич Воробьёв'),
  org('АНО', 'Семья и дом', '40', 'Калуга', 'Светлана Юрьевна Фёдорова'),
  org('РОО', 'Брянские просторы', '32', 'Брянск', 'Павел Сергеевич Михайлов'),
  org('АНО', 'Социальный навигатор', '32', 'Брянск', 'Юлия Романовна Беляева'),
  org('БФ', 'Берегиня', '32', 'Брянск', 'Надежда Ивановна Тарасова'),
  org('АНО', 'Подольский клуб добровольцев', '50', 'Подольск', 'Роман Алексеевич Белов'),
  org('Фонд', 'Развитие Серпухова', '50', 'Серпухов', 'Ирина Валерьевна Комарова'),
  org('АНО', 'Мастерская возможностей', '50', 'Подольск', 'Антон Дмитриевич Орлов'),
  org('РОО', 'Орловские родители', '57', 'Орёл', 'Екатерина Павловна Киселёва'),
  org('АНО', 'Тургеневский край', '57', 'Орёл', 'Михаил Юрьевич Макаров'),
  org('БФ', 'Рука помощи', '57', 'Орёл', 'Людмила Анатольевна Андреева'),
  org('АНО', 'Смоленская крепость', '67', 'Смоленск', 'Владимир Игоревич Ковалёв'),
  org('РОО', 'Здоровое поколение', '67', 'Смоленск', 'Анастасия Олеговна Ильина'),
  org('АНО', 'Днепровский экодесант', '67', 'Смоленск', 'Георгий Васильевич Гусев'),
  org('АНО', 'Тульский самовар', '71', 'Тула', 'Вера Николаевна Титова'),
  org('РОО', 'Школа активного долголетия', '71', 'Тула', 'Борис Ефимович Кузьмин'),
  org('АНО', 'Кванториум без стен', '71', 'Тула', 'Денис Сергеевич Кудрявцев'),
  org('Фонд', 'Городские истории', '77', 'Москва', 'Полина Андреевна Баранова'),
  org('АНО', 'Право на помощь', '77', 'Москва', 'Глеб Романович Куликов'),
  org('БФ', 'Тёплый дом', '77', 'Москва', 'Ксения Игоревна Алексеева'),
];

/**
 * The organisation's identity: ИНН 10 digits (region, tax office 27, a serial, the check digit), ОГРН 13 digits (1, the
 * year 12, region, a serial, the check digit), КПП of the region. The demo applicant's is the one the demo always had.
 */
export function organisationIdentity(index: number, regionCode: string) {
  const nine = index === 0 ? '402700123' : `${regionCode}27${String(10_000 + index * 37).padStart(5, '0')}`;
  const twelve = index === 0 ? '122400012345' : `112${regionCode}${String(1_000_000 + index * 4_219).padStart(7, '0')}`;
  return { inn: nine + innCheckDigit(nine), ogrn: twelve + ogrnCheckDigit(twelve), kpp: `${regionCode}2701001` };
}

/** Where each region's organisations are registered (the street part of the address). */
export const STREETS = ['ул. Ленина', 'ул. Кирова', 'ул. Московская', 'пр-т Мира', 'ул. Гагарина', 'ул. Садовая', 'ул. Советская', 'ул. Пушкина'];
