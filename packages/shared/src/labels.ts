// The words users see for the domain's enumerations (GLOSSARY.md), used by the SPA and by CSV exports.
import type { AuditEntityType } from './workflow.js';
import type {
  ApplicationStatus, AssignmentStatus, AttachmentKind, BudgetCategory, CommissionRole, CompetitionStatus, ReportEventStatus, ReportKind, ReportStatus, Role,
} from './enums.js';

export type Lang = 'ru' | 'en';
type Labels<K extends string> = Record<Lang, Record<K, string>>;

export const ROLE_LABELS: Labels<Role> = {
  ru: { applicant: 'Заявитель', expert: 'Эксперт', organiser: 'Организатор конкурса', official: 'Представитель органа власти', admin: 'Администратор' },
  en: { applicant: 'Applicant', expert: 'Expert', organiser: 'Organiser', official: 'Official', admin: 'Administrator' },
};

export const APPLICATION_STATUS_LABELS: Labels<ApplicationStatus> = {
  ru: {
    draft: 'Черновик', submitted: 'Подана', admitted: 'Допущена к экспертизе', rejected: 'Не допущена', under_review: 'На экспертизе',
    reviewed: 'Экспертиза завершена', winner: 'Победитель', not_supported: 'Не поддержана', withdrawn: 'Отозвана',
  },
  en: {
    draft: 'Draft', submitted: 'Submitted', admitted: 'Admitted', rejected: 'Rejected', under_review: 'Under review',
    reviewed: 'Reviewed', winner: 'Winner', not_supported: 'Not supported', withdrawn: 'Withdrawn',
  },
};

export const COMPETITION_STATUS_LABELS: Labels<CompetitionStatus> = {
  ru: { draft: 'Черновик', open: 'Приём заявок', review: 'Экспертиза', decided: 'Итоги подведены', published: 'Итоги опубликованы', archived: 'Архив' },
  en: { draft: 'Draft', open: 'Open', review: 'Review', decided: 'Decided', published: 'Published', archived: 'Archived' },
};

export const BUDGET_CATEGORY_LABELS: Labels<BudgetCategory> = {
  ru: {
    salaries: 'Оплата труда', fees: 'Оплата услуг и гонорары', travel: 'Командировочные расходы', goods: 'Товары, материалы, оборудование',
    rent: 'Аренда помещений', media: 'Издательские и информационные услуги', events: 'Проведение мероприятий', other: 'Прочие расходы',
  },
  en: {
    salaries: 'Salaries', fees: 'Fees and services', travel: 'Travel', goods: 'Goods, materials, equipment',
    rent: 'Rent', media: 'Publishing and media', events: 'Events', other: 'Other',
  },
};

export const ATTACHMENT_KIND_LABELS: Labels<AttachmentKind> = {
  ru: { charter: 'Устав', registration: 'Документ о регистрации', letter_of_support: 'Письмо поддержки', budget_justification: 'Обоснование расходов', other: 'Иной документ' },
  en: { charter: 'Charter', registration: 'Registration document', letter_of_support: 'Letter of support', budget_justification: 'Budget justification', other: 'Other document' },
};

export const ASSIGNMENT_STATUS_LABELS: Labels<AssignmentStatus> = {
  ru: { assigned: 'Назначена', declined: 'Отказ от экспертизы', submitted: 'Оценка отправлена' },
  en: { assigned: 'Assigned', declined: 'Declined', submitted: 'Submitted' },
};

export const AUDIT_ENTITY_LABELS: Labels<AuditEntityType> = {
  ru: {
    application: 'Заявка', assignment: 'Назначение эксперта', competition: 'Конкурс', operator: 'Оператор', organization: 'Организация',
    report: 'Отчёт', review: 'Экспертная оценка', user: 'Пользователь',
  },
  en: {
    application: 'Application', assignment: 'Expert assignment', competition: 'Competition', operator: 'Operator', organization: 'Organisation',
    report: 'Report', review: 'Review', user: 'User',
  },
};

export const REPORT_STATUS_LABELS: Labels<ReportStatus> = {
  ru: { due: 'Ожидается', draft: 'Черновик', submitted: 'На проверке', accepted: 'Принят', returned: 'Возвращён на доработку' },
  en: { due: 'Due', draft: 'Draft', submitted: 'Under review', accepted: 'Accepted', returned: 'Returned for changes' },
};

export const REPORT_KIND_LABELS: Labels<ReportKind> = {
  ru: { interim: 'Промежуточный отчёт', final: 'Итоговый отчёт' },
  en: { interim: 'Interim report', final: 'Final report' },
};

export const REPORT_EVENT_STATUS_LABELS: Labels<ReportEventStatus> = {
  ru: { done: 'Выполнено', partly: 'Выполнено частично', not_done: 'Не выполнено' },
  en: { done: 'Done', partly: 'Partly done', not_done: 'Not done' },
};

export const COMMISSION_ROLE_LABELS: Labels<CommissionRole> = {
  ru: { chair: 'Председатель комиссии', secretary: 'Секретарь комиссии', member: 'Член комиссии' },
  en: { chair: 'Chair', secretary: 'Secretary', member: 'Member' },
};
