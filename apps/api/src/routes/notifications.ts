// The inbox of whoever is signed in (API.md "Notifications (signed in)"): their notices newest first, the unread
// count the header polls, marking read, and the e-mail switches per kind with the language. Only one's own: another
// user's notice does not exist (404).
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, notificationPage, notificationSettings, notificationSettingsBody, notificationsQuery, problem, unreadCount } from '@konkurs/shared';
import { currentUser } from '../plugins/auth.js';
import {
  notificationPage as pageOfNotifications, notificationSettingsOf, readAllNotifications, readNotification, unreadNotifications, updateNotificationSettings,
} from '../services/notifications.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['notifications'];

  app.get('/notifications', {
    schema: {
      operationId: 'listNotifications', summary: 'The signed-in user\'s notices, newest first', tags, querystring: notificationsQuery,
      response: { 200: notificationPage, 400: problem },
    },
  }, async (request) => pageOfNotifications(app.db, currentUser(request), request.query, app.secret));

  app.get('/notifications/unread-count', {
    schema: { operationId: 'countUnreadNotifications', summary: 'How many of the user\'s notices are unread', tags, response: { 200: unreadCount } },
  }, async (request) => unreadNotifications(app.db, currentUser(request)));

  app.post('/notifications/:id/read', {
    schema: {
      operationId: 'readNotification', summary: 'Mark one of the user\'s notices read', tags, params: idParams,
      response: { 204: z.null(), 400: problem, 404: problem },
    },
  }, async (request, reply) => {
    await readNotification(app.db, currentUser(request), request.params.id, app.clock.now());
    return reply.code(204).send(null);
  });

  app.post('/notifications/read-all', {
    schema: { operationId: 'readAllNotifications', summary: 'Mark every notice of the user read', tags, response: { 204: z.null() } },
  }, async (request, reply) => {
    await readAllNotifications(app.db, currentUser(request), app.clock.now());
    return reply.code(204).send(null);
  });

  app.get('/notification-settings', {
    schema: {
      operationId: 'getNotificationSettings', summary: 'The user\'s e-mail switch per kind and the language of notices', tags,
      response: { 200: notificationSettings },
    },
  }, async (request) => notificationSettingsOf(app.db, currentUser(request)));

  app.put('/notification-settings', {
    schema: {
      operationId: 'updateNotificationSettings', summary: 'Turn e-mail of some kinds on or off, or change the language', tags,
      body: notificationSettingsBody, response: { 200: notificationSettings, 400: problem },
    },
  }, async (request) => updateNotificationSettings(app.db, currentUser(request), request.body));
};
export default routes;
