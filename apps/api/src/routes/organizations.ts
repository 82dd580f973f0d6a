import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  addMemberBody, createOrganizationBody, idParams, memberAdded, memberList, organization, organizationList, problem, updateOrganizationBody,
} from '@konkurs/shared';
import { currentUser } from '../plugins/auth.js';
import {
  addMember, createOrganization, myOrganizations, organizationMembers, readOrganization, updateOrganization,
} from '../services/organizations.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['organizations'];
  const applicant = { roles: ['applicant'] } as const;

  app.post('/organizations', { config: applicant, schema: { operationId: 'createOrganization', summary: 'Register an organisation (the caller becomes its owner)',
    tags, body: createOrganizationBody, response: { 201: organization, 400: problem, 409: problem } } },
  async (request, reply) => reply.code(201).send(await createOrganization(app.db, currentUser(request), request.body, app.clock.now())));

  app.get('/organizations/mine', { schema: { operationId: 'listMyOrganizations', summary: 'The organisations the caller belongs to',
    tags, response: { 200: organizationList } } },
  async (request) => myOrganizations(app.db, currentUser(request)));

  app.get('/organizations/:id', { schema: { operationId: 'getOrganization', summary: 'Read an organisation',
    tags, params: idParams, response: { 200: organization, 404: problem } } },
  async (request) => readOrganization(app.db, currentUser(request), request.params.id));

  app.patch('/organizations/:id', { config: applicant, schema: { operationId: 'updateOrganization', summary: 'Change an organisation’s details (owner)',
    tags, params: idParams, body: updateOrganizationBody, response: { 200: organization, 400: problem, 403: problem, 404: problem } } },
  async (request) => updateOrganization(app.db, currentUser(request), request.params.id, request.body, app.clock.now()));

  app.get('/organizations/:id/members', { schema: { operationId: 'listOrganizationMembers', summary: 'The members of an organisation',
    tags, params: idParams, response: { 200: memberList, 404: problem } } },
  async (request) => organizationMembers(app.db, currentUser(request), request.params.id));

  // The same 201 whether or not an applicant has the e-mail; limited per owner and per address (lib/limits.ts).
  app.post('/organizations/:id/members', { config: applicant, preHandler: app.limits.guard('add-member'), schema: { operationId: 'addOrganizationMember',
    summary: 'Add a registered applicant as a member (owner); the same answer for an e-mail that is no applicant’s',
    tags, params: idParams, body: addMemberBody, response: { 201: memberAdded, 400: problem, 403: problem, 404: problem, 409: problem, 429: problem } } },
  async (request, reply) => reply.code(201).send(await addMember(app.db, currentUser(request), request.params.id, request.body.email, app.clock.now())));
};
export default routes;
