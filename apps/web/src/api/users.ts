// Users (admin; an organiser lists its operator's users and creates experts).
import { queryOptions } from '@tanstack/react-query';
import type { CreateUserBody, Role, User } from '@konkurs/shared';
import { api, queryString, type Page } from './client';

export type UsersParams = { role?: Role; limit?: number; cursor?: string };
export type UpdateUserInput = Partial<Pick<User, 'fullName' | 'role' | 'operatorId' | 'expertDirections' | 'regionCode' | 'active'>> & { password?: string };

export const userKeys = { all: ['users'] as const, list: (p: UsersParams) => ['users', 'list', p] as const };

export const usersQuery = (params: UsersParams = {}) =>
  queryOptions({ queryKey: userKeys.list(params), queryFn: () => api<Page<User>>(`/users${queryString(params)}`) });

export const createUser = (body: CreateUserBody) => api<User>('/users', { method: 'POST', body });
export const updateUser = (id: string, body: UpdateUserInput) => api<User>(`/users/${id}`, { method: 'PATCH', body });
