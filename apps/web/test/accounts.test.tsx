// The account screens: sign-up asks for consent on its field and sends the version in force; a forgotten password
// answers the same for any address; the reset link's page checks the password twice, says an expired or used link
// and hands over to sign-in; the confirmation link confirms once on opening; the banner of an unconfirmed address
// sends another e-mail; an applicant without consent sees its text in place of the page until they accept it.
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { CONSENT_VERSION } from '@konkurs/shared';
import { tokenStore } from '../src/auth/token';
import { Layout } from '../src/components/layout';
import { ForgotPasswordPage } from '../src/pages/public/forgot-password';
import { ResetPasswordPage } from '../src/pages/public/reset-password';
import { SignInPage, SignUpPage } from '../src/pages/public/sign-in';
import { VerifyEmailPage } from '../src/pages/public/verify-email';
import { mockFetch, renderScreen } from './render';

const fieldError = (input: HTMLElement) =>
  document.getElementById(input.getAttribute('aria-describedby')?.split(' ').find((id) => id.includes('error')) ?? '')?.textContent ?? null;
const type = (label: RegExp, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const TOKEN = 'A'.repeat(43);
const problem = (path: string, code: string) => ({
  status: 400,
  body: { type: 'urn:konkurs:problem:invalid-request', title: 'Bad Request', status: 400, code: 'invalid-request', detail: 'Invalid request',
    errors: [{ path, code, message: 'The link is not valid' }] },
});
const me = (over: Record<string, unknown> = {}) => ({
  id: '00000000-0000-4000-8000-0000000000a1', email: 'maria@example.ru', fullName: 'Иванова Мария', role: 'applicant', operatorId: null,
  emailVerified: true, consentRequired: false, language: 'ru', ...over,
});

afterEach(() => tokenStore.set(null));

describe('sign-up', () => {
  const fill = () => {
    type(/^Фамилия, имя, отчество/, 'Иванова Мария');
    type(/^Электронная почта/, 'maria@example.ru');
    type(/^Пароль/, 'Vesna-grant-2027');
  };

  it('refuses an unticked consent on its field, sends nothing and keeps what was typed', async () => {
    const calls = mockFetch(() => undefined);
    renderScreen(<SignUpPage />);
    fill();
    fireEvent.click(screen.getByRole('button', { name: 'Зарегистрироваться' }));
    const box = screen.getByLabelText(/^Я даю согласие на обработку персональных данных/);
    await waitFor(() => expect(fieldError(box)).toBe('Без согласия на обработку персональных данных зарегистрироваться нельзя: отметьте его'));
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(calls.filter((c) => c.url.endsWith('/auth/register'))).toHaveLength(0);
    expect((screen.getByLabelText(/^Фамилия, имя, отчество/) as HTMLInputElement).value).toBe('Иванова Мария');
    expect((screen.getByLabelText(/^Пароль/) as HTMLInputElement).value).toBe('Vesna-grant-2027');
    // The text opens beside the form, which stays as it is.
    const link = screen.getByRole('link', { name: /Текст согласия/ });
    expect(link.getAttribute('href')).toBe('/consent');
    expect(link.getAttribute('target')).toBe('_blank');
  });

  it('says every problem at once: an empty form and the unticked box', async () => {
    mockFetch(() => undefined);
    renderScreen(<SignUpPage />);
    fireEvent.click(screen.getByRole('button', { name: 'Зарегистрироваться' }));
    await waitFor(() => expect(screen.getByLabelText(/^Фамилия, имя, отчество/).getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByLabelText(/^Я даю согласие/).getAttribute('aria-invalid')).toBe('true');
  });

  it('sends the consent with the version in force once the box is ticked', async () => {
    const calls = mockFetch((url) => (url.endsWith('/auth/register') ? { status: 201, body: { token: 't', user: { ...me(), expertDirections: [], regionCode: null, active: true, createdAt: '2026-12-01T10:00:00Z' } } } : undefined));
    renderScreen(<Routes><Route path="/signup" element={<SignUpPage />} /><Route path="/applicant" element={<p>Мои заявки</p>} /></Routes>, { route: '/signup' });
    fill();
    fireEvent.click(screen.getByLabelText(/^Я даю согласие/));
    fireEvent.click(screen.getByRole('button', { name: 'Зарегистрироваться' }));
    await screen.findByText('Мои заявки');
    expect(calls.find((c) => c.url.endsWith('/auth/register'))?.body).toEqual({
      fullName: 'Иванова Мария', email: 'maria@example.ru', password: 'Vesna-grant-2027', consent: { version: CONSENT_VERSION, accepted: true },
    });
  });
});

describe('a forgotten password', () => {
  it('is reached from sign-in', () => {
    mockFetch(() => undefined);
    renderScreen(<SignInPage />);
    expect(screen.getByRole('link', { name: 'Забыли пароль?' }).getAttribute('href')).toBe('/forgot-password');
  });

  it('says the same whatever the address, after asking for the link', async () => {
    const calls = mockFetch((url) => (url.endsWith('/auth/password-reset') ? { status: 202 } : undefined));
    renderScreen(<ForgotPasswordPage />);
    type(/^Электронная почта/, 'nobody@example.ru');
    fireEvent.click(screen.getByRole('button', { name: 'Отправить ссылку' }));
    await screen.findByText('Если такой адрес зарегистрирован, мы отправили на него ссылку для восстановления пароля. Ссылка действует 1 час.');
    expect(calls.find((c) => c.url.endsWith('/auth/password-reset'))?.body).toEqual({ email: 'nobody@example.ru' });
  });

  it('refuses an address that is not one on the field, without a request', async () => {
    const calls = mockFetch(() => undefined);
    renderScreen(<ForgotPasswordPage />);
    type(/^Электронная почта/, 'not-an-address');
    fireEvent.click(screen.getByRole('button', { name: 'Отправить ссылку' }));
    await waitFor(() => expect(screen.getByLabelText(/^Электронная почта/).getAttribute('aria-invalid')).toBe('true'));
    expect(calls).toHaveLength(0);
  });
});

describe('the reset link', () => {
  const open = (answer: { status: number; body?: unknown }, route = `/reset-password?token=${TOKEN}`) => {
    const calls = mockFetch((url) => (url.endsWith('/auth/password-reset/confirm') ? answer : undefined));
    renderScreen(
      <Routes>
        <Route path="/reset-password" element={<ResetPasswordPage />} />
        <Route path="/forgot-password" element={<p>Восстановление</p>} />
        <Route path="/signin" element={<SignInPage />} />
      </Routes>,
      { route },
    );
    return calls;
  };
  const submit = (password: string, repeat = password) => {
    type(/^Новый пароль/, password);
    type(/^Повторите пароль/, repeat);
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить пароль' }));
  };

  it('without a token says so and offers a new link', () => {
    open({ status: 204 }, '/reset-password');
    expect(screen.getByText(/В ссылке нет кода восстановления/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Запросить новую ссылку' }).getAttribute('href')).toBe('/forgot-password');
    expect(screen.queryByLabelText(/^Новый пароль/)).toBeNull();
  });

  it('refuses two different passwords on the second field, and a weak one on the first', async () => {
    const calls = open({ status: 204 });
    submit('Vesna-grant-2027', 'Vesna-grant-2028');
    await waitFor(() => expect(fieldError(screen.getByLabelText(/^Повторите пароль/))).toBe('Пароли не совпадают'));
    expect(screen.getByLabelText(/^Повторите пароль/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText(/^Новый пароль/).getAttribute('aria-invalid')).toBe('false');
    submit('aaaaaaaaaaaa');
    await waitFor(() => expect(fieldError(screen.getByLabelText(/^Новый пароль/))).toBe('Не один и тот же символ, повторённый много раз'));
    expect(calls).toHaveLength(0);
  });

  it('puts the server\'s refusal of the password on its field', async () => {
    open(problem('password', 'password-common'));
    submit('qwertyuiopasdf');
    await waitFor(() => expect(fieldError(screen.getByLabelText(/^Новый пароль/))).toBe('Слишком распространённый или легко угадываемый пароль: добавьте слова или символы'));
  });

  it('says a used link is no longer valid, with a way to a new one', async () => {
    open(problem('token', 'token-invalid'));
    submit('Vesna-grant-2027');
    await screen.findByText('Ссылка для восстановления пароля недействительна или уже использована.');
    expect(screen.getByRole('link', { name: 'Запросить новую ссылку' }).getAttribute('href')).toBe('/forgot-password');
  });

  it('says an expired link has expired', async () => {
    open(problem('token', 'token-expired'));
    submit('Vesna-grant-2027');
    await screen.findByText('Срок действия ссылки истёк: она действует 1 час.');
  });

  it('sends the token and the password, then shows the sign-in form with the news', async () => {
    const calls = open({ status: 204 });
    submit('Vesna-grant-2027');
    await screen.findByText('Пароль изменён, войдите с новым паролем');
    expect(screen.getByRole('button', { name: 'Войти' })).toBeTruthy();
    expect(calls.find((c) => c.url.endsWith('/auth/password-reset/confirm'))?.body).toEqual({ token: TOKEN, password: 'Vesna-grant-2027' });
  });
});

describe('the confirmation link', () => {
  it('confirms once on opening and says so', async () => {
    const calls = mockFetch((url) => (url.endsWith('/auth/verify-email') ? { status: 204 } : undefined));
    renderScreen(<VerifyEmailPage />, { route: `/verify-email?token=${TOKEN}` });
    await screen.findByText('Адрес электронной почты подтверждён.');
    expect(calls.filter((c) => c.url.endsWith('/auth/verify-email'))).toEqual([{ method: 'POST', url: '/api/v1/auth/verify-email', body: { token: TOKEN } }]);
  });

  it('says a used link is not valid', async () => {
    mockFetch((url) => (url.endsWith('/auth/verify-email') ? problem('token', 'token-invalid') : undefined));
    renderScreen(<VerifyEmailPage />, { route: `/verify-email?token=${TOKEN}` });
    await screen.findByText('Ссылка для подтверждения недействительна или уже использована.');
    expect(screen.getByText('Войдите, чтобы отправить письмо ещё раз.')).toBeTruthy();
  });

  it('without a token says so and asks nothing', () => {
    const calls = mockFetch(() => undefined);
    renderScreen(<VerifyEmailPage />, { route: '/verify-email' });
    expect(screen.getByText(/В ссылке нет кода подтверждения/)).toBeTruthy();
    expect(calls).toHaveLength(0);
  });
});

describe('the frame of a signed-in applicant', () => {
  const consentText = { version: '2026-12-01', title: 'Согласие на обработку персональных данных', text: 'Я, субъект персональных данных, даю согласие.\n\nСогласие действует до его отзыва.' };
  const frame = () => renderScreen(
    <Routes><Route element={<Layout />}><Route path="/applicant" element={<h1>Мои заявки</h1>} /></Route></Routes>,
    { route: '/applicant' },
  );

  it('asks to confirm the address and sends another e-mail on request', async () => {
    tokenStore.set('t');
    const calls = mockFetch((url, init) =>
      url.endsWith('/auth/me') ? { status: 200, body: me({ emailVerified: false }) }
        : url.endsWith('/auth/verify-email/resend') && init.method === 'POST' ? { status: 202 } : undefined);
    frame();
    await screen.findByText('Подтвердите адрес электронной почты: мы отправили письмо на maria@example.ru');
    fireEvent.click(screen.getByRole('button', { name: 'Отправить ещё раз' }));
    await screen.findByText('Письмо отправлено');
    expect(calls.filter((c) => c.url.endsWith('/auth/verify-email/resend'))).toHaveLength(1);
    expect(screen.getByRole('heading', { name: 'Мои заявки' })).toBeTruthy();
  });

  it('shows no banner once the address is confirmed', async () => {
    tokenStore.set('t');
    mockFetch((url) => (url.endsWith('/auth/me') ? { status: 200, body: me() } : undefined));
    frame();
    await screen.findByRole('heading', { name: 'Мои заявки' });
    expect(screen.queryByTestId('account-banner')).toBeNull();
  });

  it('after signing in, shows the consent before the page asked for is ever rendered', async () => {
    let rendered = false;
    const Target = () => { rendered = true; return <h1>Мои организации</h1>; };
    mockFetch((url) => {
      if (url.endsWith('/auth/login')) return { status: 200, body: { token: 't2', user: { ...me(), expertDirections: [], regionCode: null, active: true, createdAt: '2026-12-01T10:00:00Z' } } };
      if (url.endsWith('/auth/me')) return { status: 200, body: me({ consentRequired: true }) };
      if (url.endsWith('/legal/consent')) return { status: 200, body: consentText };
      return undefined;
    });
    // /auth/me answers a moment after sign-in, as over a network: the page asked for must not render meanwhile.
    const answer = globalThis.fetch;
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).endsWith('/auth/me')) await new Promise((r) => setTimeout(r, 200));
      return answer(input, init);
    }) as typeof fetch;
    renderScreen(
      <Routes><Route element={<Layout />}>
        <Route path="/signin" element={<SignInPage />} />
        <Route path="/applicant/organizations" element={<Target />} />
      </Route></Routes>,
      { route: '/signin?next=%2Fapplicant%2Forganizations' },
    );
    type(/^Электронная почта/, 'maria@example.ru');
    type(/^Пароль/, 'Vesna-grant-2027');
    fireEvent.click(screen.getAllByRole('button', { name: 'Войти' }).at(-1)!);
    await screen.findByRole('button', { name: 'Даю согласие' });
    expect(rendered).toBe(false);
  });

  it('shows the consent in place of the page until it is given, then the page asked for', async () => {
    tokenStore.set('t');
    let given = false;
    const calls = mockFetch((url, init) => {
      if (url.endsWith('/auth/me')) return { status: 200, body: me({ consentRequired: !given }) };
      if (url.endsWith('/legal/consent')) return { status: 200, body: consentText };
      if (url.endsWith('/auth/consent') && init.method === 'POST') { given = true; return { status: 204 }; }
      return undefined;
    });
    frame();
    await screen.findByText('Согласие действует до его отзыва.');
    expect(screen.getByText('Редакция от 01.12.2026')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Мои заявки' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Выйти' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Даю согласие' }));
    await screen.findByRole('heading', { name: 'Мои заявки' });
    expect(calls.find((c) => c.url.endsWith('/auth/consent'))?.body).toEqual({ consent: { version: '2026-12-01', accepted: true } });
  });
});
