// The official's dashboard: totals by region, direction, competition, operator; CSV exports.
import { pluralRu } from '../plural';

const n = (x: number) => x.toLocaleString('ru-RU');
const official = {
  title: 'Итоги и выгрузки',
  subtitle: 'Сводные показатели конкурсов вашего оператора',
  // What the figures cover, by role and operator level: a federal official and an admin see every operator.
  subtitleAll: 'Сводные показатели конкурсов всех операторов',
  subtitleOperator: (name: string) => `Сводные показатели конкурсов оператора «${name}»`,
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
  // After the award: the grant money spent by the latest accepted reports, the reports accepted and overdue.
  reporting: 'Отчётность победителей',
  spent: 'Израсходовано (грант)',
  spentShare: (percent: number) => `${percent.toLocaleString('ru-RU')} % от суммы грантов, по принятым отчётам`,
  reportsAccepted: 'Отчётов принято',
  reportsOverdue: 'Отчётов просрочено',
  overdueNote: 'Не сданы или не доработаны в срок',
  total: 'Итого',
  chartApplications: 'Заявки',
  chartMoney: 'Суммы, млн ₽',
  chartLabel: (what: string) => `Диаграмма: ${what}`,
  headline: (submitted: number, winners: number, awarded: string) =>
    `${n(submitted)} ${pluralRu(submitted, ['заявка подана', 'заявки подано', 'заявок подано'])}, ${n(winners)} ${pluralRu(winners, ['победитель', 'победителя', 'победителей'])}, сумма грантов ${awarded}`,
  empty: 'Данных пока нет',
  exportApplications: 'Заявки (CSV)',
  exportTotals: 'Итоги (CSV)',
  exportApplicationsXlsx: 'Заявки (XLSX)',
  exportTotalsXlsx: 'Итоги (XLSX)',
  /** The XLSX button beside a CSV one whose label says "CSV". */
  xlsxOf: (csvLabel: string) => (csvLabel.includes('CSV') ? csvLabel.replace('CSV', 'XLSX') : `${csvLabel} (XLSX)`),
  exported: (name: string) => `Файл ${name} скачан`,
  tableLabel: 'Сводная таблица',
  millions: 'млн ₽',
  chartRowsNote: 'Точные значения — в сводной таблице ниже',
  map: {
    title: 'Карта регионов',
    figure: 'Показатель на карте',
    figures: { submitted: 'Подано заявок', admitted: 'Допущено', winners: 'Победителей', requested: 'Запрошено', awarded: 'Сумма грантов' },
    label: (figure: string) => `Карта регионов России: ${figure}`,
    region: (name: string, value: string) => `${name}: ${value}`,
    hint: 'Наведите указатель на регион или перейдите к нему клавишей Tab',
    none: 'нет заявок',
    legend: 'Легенда',
    noData: 'Нет данных',
    loading: 'Загрузка карты…',
    loadError: 'Не удалось загрузить карту; значения — в таблице',
    attribution: 'Карта: amCharts',
    tableSummary: 'Таблица значений по регионам',
    tableLabel: 'Значения по регионам',
    notOnMap: (names: string) => `Нет на карте: ${names} — их значения в таблице`,
    notOnMapMark: 'нет на карте',
  },
};
export default official;
export type OfficialDict = typeof official;
