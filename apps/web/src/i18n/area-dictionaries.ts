// The role areas' dictionaries, in both languages: one chunk loaded with the first role area a user opens
// (areas.tsx), so that a first visit to the public pages loads only the common and public words.
import ruApplicant from './ru/applicant';
import enApplicant from './en/applicant';
import ruExpert from './ru/expert';
import enExpert from './en/expert';
import ruOrganiser from './ru/organiser';
import enOrganiser from './en/organiser';
import ruOfficial from './ru/official';
import enOfficial from './en/official';
import ruAdmin from './ru/admin';
import enAdmin from './en/admin';
import ruReports from './ru/reports';
import enReports from './en/reports';
import ruReporting from './ru/reporting';
import enReporting from './en/reporting';

export const ru = { applicant: ruApplicant, expert: ruExpert, organiser: ruOrganiser, official: ruOfficial, admin: ruAdmin, reporting: ruReporting, reports: ruReports };
export const en: typeof ru = { applicant: enApplicant, expert: enExpert, organiser: enOrganiser, official: enOfficial, admin: enAdmin, reporting: enReporting, reports: enReports };
