import { queryOptions } from '@tanstack/react-query';
import type { CreateOrganizationBody, MemberAdded, MemberList, Organization, OrganizationList } from '@konkurs/shared';
import { api } from './client';

export const organizationKeys = {
  mine: ['organizations', 'mine'] as const,
  one: (id: string) => ['organizations', id] as const,
  members: (id: string) => ['organizations', id, 'members'] as const,
};

// A user's organisations and an organisation's members come whole, as one page: the screens take its items.
export const myOrganizationsQuery = () =>
  queryOptions({ queryKey: organizationKeys.mine, queryFn: async () => (await api<OrganizationList>('/organizations/mine')).items });

export const organizationQuery = (id: string) =>
  queryOptions({ queryKey: organizationKeys.one(id), queryFn: () => api<Organization>(`/organizations/${id}`) });

export const membersQuery = (id: string) =>
  queryOptions({ queryKey: organizationKeys.members(id), queryFn: async () => (await api<MemberList>(`/organizations/${id}/members`)).items });

export const createOrganization = (body: CreateOrganizationBody) => api<Organization>('/organizations', { method: 'POST', body });
export const addMember = (id: string, email: string) => api<MemberAdded>(`/organizations/${id}/members`, { method: 'POST', body: { email } });
