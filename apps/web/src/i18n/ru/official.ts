// The official's dashboard: totals by region, direction, competition, operator; CSV exports.
import { pluralRu } from '../plural';

const n = (x: number) => x.toLocaleString('ru-RU');
const official = {
  title: 'Итоги и выгрузки',
  subtitle: 'Сводные показатели конкурсов вашего оператора',
  groupBy: 'Группировка',
  groups: { region: 'По регионам', direction: 'По направлениям', competition: 'По конкурсам', operator: 'По операторам' },
  competition: 'Конкурс',
  allCompetitions: 'Все конкурсы',
  operator: 'Оператор',
  allOperators: 'Все операторы',
  filters: 'Фильтры',
  key: { region: 'Регион', direction: 'Направление', competition: 'Конкурс', operator: 'Оператор' },
  submitted: 'Подано заявок',
  admitted: 'Допущено',
  winners: 'Победителей',
  requested: 'Запрошено',
  awarded: 'Сумма грантов',
  total: 'Итого',
  chartApplications: 'Заявки',
  chartMoney: 'Суммы, млн ₽',
  chartLabel: (what: string) => `Диаграмма: ${what}`,
  headline: (submitted: number, winners: number, awarded: string) =>
    `${n(submitted)} ${pluralRu(submitted, ['заявка подана', 'заявки подано', 'заявок подано'])}, ${n(winners)} ${pluralRu(winners, ['победитель', 'победителя', 'победителей'])}, ${awarded}`,
  empty: 'Данных пока нет',
  exportApplications: 'Заявки (CSV)',
  exportTotals: 'Итоги (CSV)',
  exported: (name: string) => `Файл ${name} скачан`,
  tableLabel: 'Сводная таблица',
  millions: 'млн ₽',
};
export default official;
export type OfficialDict = typeof official;
