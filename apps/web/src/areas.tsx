// The role areas of the SPA. Each is one lazily loaded chunk (pages/<area>/index.tsx renders its own
// <Routes>), guarded by role, with its entries in the header navigation. See apps/web/README.md.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { FIGURES_ROLES, type Role } from '@konkurs/shared';
import { loadAreaDictionaries } from './i18n';
import type { CommonDict } from './i18n/ru/common';

/** A role area's chunk, rendered once its words are loaded too. */
const area = (load: () => Promise<{ default: ComponentType }>) =>
  lazy(() => Promise.all([load(), loadAreaDictionaries()]).then(([m]) => m));

export type NavItem = { to: string; label: keyof CommonDict['nav'] };
export type AreaDef = {
  key: string;
  /** Mounted at `${path}/*`. */
  path: string;
  roles: readonly Role[];
  Component: LazyExoticComponent<ComponentType>;
  nav: readonly NavItem[];
};

export const AREAS: readonly AreaDef[] = [
  {
    key: 'applicant', path: '/applicant', roles: ['applicant'],
    Component: area(() => import('./pages/applicant')),
    nav: [{ to: '/applicant', label: 'applicantApplications' }, { to: '/applicant/organizations', label: 'applicantOrganizations' }],
  },
  {
    key: 'expert', path: '/expert', roles: ['expert'],
    Component: area(() => import('./pages/expert')),
    nav: [{ to: '/expert', label: 'expertAssignments' }],
  },
  {
    key: 'organiser', path: '/organiser', roles: ['organiser'],
    Component: area(() => import('./pages/organiser')),
    nav: [{ to: '/organiser', label: 'organiserCompetitions' }, { to: '/organiser/experts', label: 'organiserExperts' }],
  },
  {
    key: 'official', path: '/official', roles: FIGURES_ROLES,
    Component: area(() => import('./pages/official')),
    nav: [{ to: '/official', label: 'officialTotals' }],
  },
  {
    key: 'admin', path: '/admin', roles: ['admin'],
    Component: area(() => import('./pages/admin')),
    nav: [{ to: '/admin/users', label: 'adminUsers' }, { to: '/admin/operators', label: 'adminOperators' }, { to: '/admin/audit', label: 'adminAudit' }, { to: '/admin/outbox', label: 'adminOutbox' }],
  },
];

/** The public pages (home, competition, results, sign-in): a chunk of their own too. */
export const PublicArea = lazy(() => import('./pages/public'));

/** Navigation for a user: public entries first, then those of every area the role may enter. */
export function navFor(role: Role | undefined): NavItem[] {
  const items: NavItem[] = [{ to: '/', label: 'home' }];
  if (role) for (const a of AREAS) if (a.roles.includes(role)) items.push(...a.nav);
  return items;
}
