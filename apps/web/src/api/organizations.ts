import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreateOrganizationBody, Organization, member } from '@konkurs/shared';
import { api, type Page } from './client';

export type Member = z.infer<typeof member>;

export const organizationKeys = {
  mine: ['organizations', 'mine'] as const,
  one: (id: string) => ['organizations', id] as const,
  members: (id: string) => ['organizations', id, 'members'] as const,
};

// `/organizations/mine` may answer a plain array or a page; both are accepted so the screen does not care.
const items = <T,>(r: T[] | Page<T>): T[] => (Array.isArray(r) ? r : r.items);

export const myOrganizationsQuery = () =>
  queryOptions({ queryKey: organizationKeys.mine, queryFn: async () => items(await api<Organization[] | Page<Organization>>('/organizations/mine')) });

export const organizationQuery = (id: string) =>
  queryOptions({ queryKey: organizationKeys.one(id), queryFn: () => api<Organization & { members?: Member[] }>(`/organizations/${id}`) });

export const membersQuery = (id: string) =>
  queryOptions({ queryKey: organizationKeys.members(id), queryFn: async () => items(await api<Member[] | Page<Member>>(`/organizations/${id}/members`)) });

export const createOrganization = (body: CreateOrganizationBody) => api<Organization>('/organizations', { method: 'POST', body });
export const addMember = (id: string, email: string) => api<Member>(`/organizations/${id}/members`, { method: 'POST', body: { email } });
