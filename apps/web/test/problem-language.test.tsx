// Problems reach a Russian screen in Russian: the server's by their code, the form's own checks by the same codes,
// and only a code the SPA does not know yet falls back to the server's words.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { SignInPage, SignUpPage } from '../src/pages/public/sign-in';
import { mockFetch, renderScreen } from './render';

const LATIN = /[A-Za-z]{3,}/;
const fieldError = (input: HTMLElement) =>
  document.getElementById(input.getAttribute('aria-describedby')?.split(' ').find((id) => id.includes('error')) ?? '')?.textContent ?? null;

describe('problems in the user’s language', () => {
  it('a server field error with a code shows that code’s Russian message, whatever the server wrote', async () => {
    mockFetch((url) => url.endsWith('/auth/register') ? {
      status: 400,
      body: { type: 'urn:konkurs:problem:invalid-request', title: 'Bad Request', status: 400, code: 'invalid-request', detail: 'The request has errors',
        errors: [{ path: 'password', code: 'too-small', params: { type: 'string', minimum: 12 }, message: 'Too small: expected string to have >=12 characters' }] },
    } : undefined);
    renderScreen(<SignUpPage />);
    fireEvent.change(screen.getByLabelText(/^Фамилия, имя, отчество/), { target: { value: 'Иванова Мария' } });
    fireEvent.change(screen.getByLabelText(/^Электронная почта/), { target: { value: 'maria@example.ru' } });
    const password = screen.getByLabelText(/^Пароль/);
    fireEvent.change(password, { target: { value: 'достаточно-длинный' } });
    fireEvent.click(screen.getByLabelText(/^Я даю согласие на обработку персональных данных/));
    fireEvent.click(screen.getByRole('button', { name: 'Зарегистрироваться' }));
    await waitFor(() => expect(fieldError(password)).toBe('Не короче 12 символов'));
  });

  it('asks the server in the user’s language (Accept-Language)', async () => {
    let language: string | null = null;
    globalThis.fetch = (async (_input: RequestInfo | URL, init: RequestInit = {}) => {
      language = new Headers(init.headers).get('accept-language');
      return new Response(JSON.stringify({ type: 'about:blank', title: 'Unauthorized', status: 401 }), { status: 401 });
    }) as typeof fetch;
    renderScreen(<SignInPage />);
    fireEvent.change(screen.getByLabelText(/^Электронная почта/), { target: { value: 'maria@example.ru' } });
    fireEvent.change(screen.getByLabelText(/^Пароль/), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Войти' }));
    await waitFor(() => expect(language).toBe('ru'));
  });

  it('an empty required field is refused in Russian before anything is sent', async () => {
    const calls = mockFetch(() => undefined);
    renderScreen(<SignUpPage />);
    fireEvent.click(screen.getByRole('button', { name: 'Зарегистрироваться' }));
    const fullName = screen.getByLabelText(/^Фамилия, имя, отчество/);
    await waitFor(() => expect(fullName.getAttribute('aria-invalid')).toBe('true'));
    expect(fieldError(fullName)).toBe('Заполните поле');
    for (const input of [screen.getByLabelText(/^Электронная почта/), screen.getByLabelText(/^Пароль/)]) {
      expect(fieldError(input)).toBeTruthy();
      expect(fieldError(input)).not.toMatch(LATIN);
    }
    expect(calls).toHaveLength(0);
  });

  it('a problem whose code the SPA does not know shows the server’s own message', async () => {
    mockFetch((url) => url.endsWith('/auth/login') ? {
      status: 429,
      body: { type: 'urn:konkurs:problem:some-future-limit', title: 'Too Many Requests', status: 429, code: 'some-future-limit', detail: 'Слишком много попыток входа; повторите через минуту' },
    } : undefined);
    renderScreen(<SignInPage />);
    fireEvent.change(screen.getByLabelText(/^Электронная почта/), { target: { value: 'maria@example.ru' } });
    fireEvent.change(screen.getByLabelText(/^Пароль/), { target: { value: 'secret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Войти' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Слишком много попыток входа; повторите через минуту');
  });
});
