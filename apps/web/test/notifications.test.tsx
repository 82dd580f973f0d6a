// The bell, the inbox, the e-mail settings, the unsubscribe page and the admin's outgoing e-mail: what each asks the
// API, and what it says in Russian (kinds by name, dates in Moscow time, problems by their code).
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { NOTIFICATION_KINDS, type Notification, type NotificationSettings, type OutboxItem, type OutboxMessage } from '@konkurs/shared';
import { badgeText, unsubscribeKind } from '../src/api/notifications';
import { NotificationBell } from '../src/components/notification-bell';
import ruNotifications from '../src/i18n/ru/notifications';
import enNotifications from '../src/i18n/en/notifications';
import { OutboxMessagePage, OutboxPage } from '../src/pages/admin/outbox';
import { InboxPage } from '../src/pages/notifications/inbox';
import { NotificationSettingsPage } from '../src/pages/notifications/settings';
import { UnsubscribePage } from '../src/pages/public/unsubscribe';
import { mockFetch, renderScreen } from './render';

const APP = '00000000-0000-4000-8000-000000000a12';
const USER = '00000000-0000-4000-8000-0000000000b1';
const page = <T,>(items: T[], nextCursor: string | null = null) => ({ status: 200, body: { items, nextCursor } });
const notice = (n: Partial<Notification> & Pick<Notification, 'id'>): Notification => ({
  kind: 'application-submitted', title: 'Заявка № КОНК-2027-000012 подана', body: 'Заявка № КОНК-2027-000012 «Школа волонтёров» подана.',
  link: `/applicant/applications/${APP}`, createdAt: '2027-02-01T15:00:00.000Z', readAt: null, ...n,
});

describe('the bell', () => {
  it('hides the badge at 0 and says "99+" above 99', () => {
    expect([0, 1, 99, 100, 5000].map(badgeText)).toEqual(['', '1', '99', '99+', '99+']);
  });

  it('shows the unread count, says it in words and opens the inbox', async () => {
    mockFetch((url) => (url.endsWith('/notifications/unread-count') ? { status: 200, body: { count: 3 } } : undefined));
    renderScreen(<NotificationBell />);
    const bell = await screen.findByRole('link', { name: 'Уведомления: 3 непрочитанных' });
    expect(bell.getAttribute('href')).toBe('/notifications');
    expect(within(bell).getByTestId('notification-badge').textContent).toBe('3');
  });

  it('shows no badge when nothing is unread, and agrees the word with the number', async () => {
    mockFetch((url) => (url.endsWith('/notifications/unread-count') ? { status: 200, body: { count: 0 } } : undefined));
    renderScreen(<NotificationBell />);
    const bell = await screen.findByRole('link', { name: 'Уведомления: нет непрочитанных' });
    expect(within(bell).queryByTestId('notification-badge')).toBeNull();
    expect([1, 2, 5, 21].map(ruNotifications.bell)).toEqual([
      'Уведомления: 1 непрочитанное', 'Уведомления: 2 непрочитанных', 'Уведомления: 5 непрочитанных', 'Уведомления: 21 непрочитанное',
    ]);
  });
});

describe('the inbox', () => {
  it('lists newest first with unread ones marked and Moscow dates; opening one marks it read and goes to its object', async () => {
    const calls = mockFetch((url, init) => {
      if (url.endsWith('/notifications/unread-count')) return { status: 200, body: { count: 1 } };
      if (url.includes('/notifications?')) return page([notice({ id: 'n2' }), notice({ id: 'n1', kind: 'screening-decision', title: 'Заявка № КОНК-2027-000012 допущена к экспертизе', readAt: '2027-02-02T10:00:00.000Z', createdAt: '2027-02-02T09:30:00.000Z' })], 'next');
      if (url.endsWith('/notifications/n2/read') && init.method === 'POST') return { status: 204 };
      return undefined;
    });
    renderScreen(
      <Routes>
        <Route path="/notifications" element={<InboxPage />} />
        <Route path="/applicant/applications/:id" element={<p>the application</p>} />
      </Routes>, { route: '/notifications' });
    const items = await screen.findAllByTestId('notification');
    expect(items).toHaveLength(2);
    expect(items[0].dataset.unread).toBe('true');
    expect(items[0].textContent).toContain('Не прочитано');
    expect(items[0].textContent).toContain('01.02.2027 18:00 мск');
    expect(items[1].dataset.unread).toBeUndefined();
    expect(items[1].textContent).not.toContain('Не прочитано');
    expect(screen.getByRole('button', { name: 'Показать ещё' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Настройки уведомлений' }).getAttribute('href')).toBe('/notifications/settings');

    fireEvent.click(within(items[0]).getByRole('link', { name: 'Заявка № КОНК-2027-000012 подана' }));
    expect(await screen.findByText('the application')).toBeTruthy();
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/notifications/n2/read'))).toBe(true));
  });

  it('filters to unread ones, marks all as read, and says when there is nothing', async () => {
    let unread = 2;
    const calls = mockFetch((url, init) => {
      if (url.endsWith('/notifications/unread-count')) return { status: 200, body: { count: unread } };
      if (url.endsWith('/notifications/read-all') && init.method === 'POST') { unread = 0; return { status: 204 }; }
      if (url.includes('/notifications?')) return url.includes('unread=true') && unread === 0 ? page([]) : page([notice({ id: 'n2' }), notice({ id: 'n3' })]);
      return undefined;
    });
    renderScreen(<InboxPage />, { route: '/notifications' });
    await screen.findAllByTestId('notification');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Только непрочитанные' }));
    await waitFor(() => expect(calls.some((c) => c.url.includes('/notifications?') && c.url.includes('unread=true'))).toBe(true));
    fireEvent.click(await screen.findByRole('button', { name: 'Отметить все как прочитанные' }));
    expect(await screen.findByText('Непрочитанных уведомлений нет')).toBeTruthy();
    expect(calls.filter((c) => c.url.endsWith('/notifications/read-all'))).toHaveLength(1);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Отметить все как прочитанные' })).toBeNull());
  });

  it('says in words that there is nothing yet', async () => {
    mockFetch((url) => (url.endsWith('/notifications/unread-count') ? { status: 200, body: { count: 0 } } : url.includes('/notifications?') ? page([]) : undefined));
    renderScreen(<InboxPage />);
    expect(await screen.findByText('Уведомлений пока нет')).toBeTruthy();
    expect(screen.getByText(/Здесь появятся сообщения/)).toBeTruthy();
  });
});

describe('the notification settings', () => {
  const settings = (): NotificationSettings => ({ email: Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, k !== 'review-due'])) as NotificationSettings['email'], language: 'ru' });

  it('every kind has its name in Russian and English', () => {
    for (const k of NOTIFICATION_KINDS) {
      expect(ruNotifications.kinds[k], k).toMatch(/[а-яё]/i);
      expect(enNotifications.kinds[k], k).toMatch(/^[A-Za-z ,-]+$/);
    }
  });

  it('a switch per kind by name, saved at once; the language of e-mails; a refusal said in Russian by its code', async () => {
    let stored = settings();
    let refuse = false;
    const calls = mockFetch((url, init) => {
      if (!url.endsWith('/notification-settings')) return undefined;
      if (init.method === 'PUT') {
        if (refuse) return { status: 400, body: { type: 'about:blank', title: 'Bad Request', status: 400, code: 'invalid-request', detail: 'Invalid body' } };
        const body = JSON.parse(String(init.body));
        stored = { email: { ...stored.email, ...body.email }, language: body.language ?? stored.language };
      }
      return { status: 200, body: stored };
    });
    renderScreen(<NotificationSettingsPage />);
    const submitted = await screen.findByRole('switch', { name: 'Письмом: Заявка подана' });
    expect(screen.getAllByRole('switch')).toHaveLength(NOTIFICATION_KINDS.length);
    expect((submitted as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('switch', { name: 'Письмом: Напоминание о сроке экспертизы' }) as HTMLInputElement).checked).toBe(false);
    expect(screen.getByText(/сообщения появляются всегда/)).toBeTruthy();

    fireEvent.click(submitted);
    await waitFor(() => expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ email: { 'application-submitted': false } }));
    await waitFor(() => expect((screen.getByRole('switch', { name: 'Письмом: Заявка подана' }) as HTMLInputElement).checked).toBe(false));

    fireEvent.click(screen.getByRole('radio', { name: 'English' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')[1]?.body).toEqual({ language: 'en' }));

    refuse = true;
    fireEvent.click(screen.getByRole('switch', { name: 'Письмом: Экспертиза завершена' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Запрос заполнен с ошибками');
    expect(alert.textContent).not.toContain('Invalid body');
    // The switch goes back to what is stored.
    await waitFor(() => expect((screen.getByRole('switch', { name: 'Письмом: Экспертиза завершена' }) as HTMLInputElement).checked).toBe(true));
  });
});

describe('the unsubscribe page', () => {
  const token = `${USER}.results-published.c2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dQ`;

  it('reads the kind from the token, and only a kind there is', () => {
    expect(unsubscribeKind(token)).toBe('results-published');
    expect(unsubscribeKind(`${USER}.password-reset.x`)).toBeUndefined();
    expect(unsubscribeKind('garbage')).toBeUndefined();
  });

  it('turns the kind off once and says which, with a link to the settings', async () => {
    const calls = mockFetch((url, init) => (url.endsWith('/notifications/unsubscribe') && init.method === 'POST' ? { status: 204 } : undefined));
    renderScreen(<UnsubscribePage />, { route: `/unsubscribe?token=${token}` });
    const done = await screen.findByTestId('unsubscribed');
    expect(done.textContent).toContain('Письма «Итоги конкурса опубликованы» больше не будут приходить.');
    expect(screen.getByRole('link', { name: 'Настройки уведомлений' }).getAttribute('href')).toBe('/notifications/settings');
    expect(calls.filter((c) => c.url.endsWith('/notifications/unsubscribe'))).toEqual([{ method: 'POST', url: '/api/v1/notifications/unsubscribe', body: { token } }]);
  });

  it('says in Russian when the link is refused or has no token', async () => {
    mockFetch(() => ({ status: 400, body: { type: 'about:blank', title: 'Bad Request', status: 400, code: 'token-invalid', detail: 'bad token' } }));
    renderScreen(<UnsubscribePage />, { route: `/unsubscribe?token=${token}` });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Не удалось отписаться');
    expect(alert.textContent).toContain('Ссылка недействительна');
  });

  it('asks nothing without a token', async () => {
    const calls = mockFetch(() => undefined);
    renderScreen(<UnsubscribePage />, { route: '/unsubscribe' });
    expect((await screen.findByRole('alert')).textContent).toContain('В ссылке нет ключа отписки');
    expect(calls).toEqual([]);
  });
});

describe('the outgoing e-mail (admin)', () => {
  const item = (o: Partial<OutboxItem> & Pick<OutboxItem, 'id'>): OutboxItem => ({
    to: 'anna@example.org', kind: 'password-reset', subject: 'Сброс пароля', status: 'queued', attempts: 0,
    createdAt: '2027-02-01T15:00:00.000Z', sentAt: null, lastError: null, ...o,
  });

  it('lists the e-mails with their status in words, filters by status, and says so while none was sent', async () => {
    let anySent = false;
    const calls = mockFetch((url) => {
      if (!url.includes('/admin/outbox?')) return undefined;
      if (url.includes('status=sent')) return page(anySent ? [item({ id: 'm0', status: 'sent' })] : []);
      if (url.includes('status=failed')) return page([item({ id: 'm3', status: 'failed', attempts: 5, lastError: '451 try later' })]);
      return page([item({ id: 'm2', subject: 'Заявка № КОНК-2027-000012 подана', kind: 'application-submitted' }), item({ id: 'm1', attempts: 2 })]);
    });
    renderScreen(<OutboxPage />);
    const rows = await screen.findAllByTestId('outbox-row');
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('anna@example.org');
    expect(rows[0].textContent).toContain('01.02.2027 18:00 мск');
    expect(rows[0].textContent).toContain('В очереди');
    expect(within(rows[0]).getByRole('link', { name: 'Заявка № КОНК-2027-000012 подана' }).getAttribute('href')).toBe('/admin/outbox/m2');
    expect((await screen.findByTestId('outbox-nothing-sent')).textContent).toContain('SMTP-сервер не настроен');

    fireEvent.click(screen.getByRole('textbox', { name: 'Состояние' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Не отправлено', hidden: true }));
    await waitFor(() => expect(calls.some((c) => c.url.includes('status=failed'))).toBe(true));
    await waitFor(() => expect(screen.getAllByTestId('outbox-row')[0].textContent).toContain('Не отправлено'));
    expect(anySent).toBe(false);
  });

  it('says nothing of a missing SMTP server once something was sent', async () => {
    mockFetch((url) => (url.includes('/admin/outbox?') ? page([item({ id: 'm0', status: 'sent', sentAt: '2027-02-01T15:01:00.000Z' })]) : undefined));
    renderScreen(<OutboxPage />);
    await screen.findAllByTestId('outbox-row');
    expect(screen.getAllByTestId('outbox-row')[0].textContent).toContain('Отправлено');
    expect(screen.queryByTestId('outbox-nothing-sent')).toBeNull();
  });

  it('opens one e-mail: its text as written, the link as a real link, never its HTML', async () => {
    const link = 'http://localhost:3000/reset-password?token=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
    const message: OutboxMessage = {
      ...item({ id: 'm1' }), text: 'Здравствуйте!\n\nЧтобы задать новый пароль, откройте ссылку:\n' + link + '\n\nСсылка действует 1 час.',
      html: '<p>Здравствуйте!</p><script>window.pwned = true</script><img src="x" alt="html-only">', link,
    };
    mockFetch((url) => (url.endsWith('/admin/outbox/m1') ? { status: 200, body: message } : undefined));
    renderScreen(<Routes><Route path="/admin/outbox/:id" element={<OutboxMessagePage />} /></Routes>, { route: '/admin/outbox/m1' });
    expect(await screen.findByRole('heading', { name: 'Сброс пароля' })).toBeTruthy();
    expect(screen.getByTestId('outbox-to').textContent).toBe('anna@example.org');
    const text = screen.getByTestId('outbox-text');
    expect(text.tagName).toBe('PRE');
    expect(text.textContent).toBe(message.text);
    const a = screen.getByRole('link', { name: 'Открыть ссылку из письма' });
    expect(a.tagName).toBe('A');
    expect(a.getAttribute('href')).toBe(link);
    expect(document.querySelector('script, img')).toBeNull();
    expect(screen.queryByAltText('html-only')).toBeNull();
  });

  it('says in Russian when the e-mail is not there', async () => {
    mockFetch(() => ({ status: 404, body: { type: 'about:blank', title: 'Not Found', status: 404, code: 'not-found', params: { entity: 'email' }, detail: 'E-mail not found' } }));
    renderScreen(<Routes><Route path="/admin/outbox/:id" element={<OutboxMessagePage />} /></Routes>, { route: '/admin/outbox/nope' });
    expect((await screen.findByRole('alert')).textContent).toContain('Письмо не найдено');
    expect(screen.getByRole('link', { name: 'Ко всем письмам' }).getAttribute('href')).toBe('/admin/outbox');
  });
});
