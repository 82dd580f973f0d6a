// The password meter on sign-up and on the change of one's password: it rates what is typed as it is typed, in
// Russian, lists the rules still broken in the server's words (the common list once the lazily loaded checker is
// there), and the server's refusal of the password shows on the field.
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { tokenStore } from '../src/auth/token';
import { ChangePasswordPage, SignUpPage } from '../src/pages/public/sign-in';
import { mockFetch, renderScreen } from './render';

const fieldError = (input: HTMLElement) =>
  document.getElementById(input.getAttribute('aria-describedby')?.split(' ').find((id) => id.includes('error')) ?? '')?.textContent ?? null;
const meter = () => within(screen.getByTestId('password-strength'));
const type = (label: RegExp, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('the password meter on sign-up', () => {
  it('shows nothing until something is typed, then the strength word and the broken rules as one types', async () => {
    mockFetch(() => undefined);
    renderScreen(<SignUpPage />);
    expect(screen.queryByTestId('password-strength')).toBeNull();

    type(/^Пароль/, 'aaaaaaaaaaaa');
    expect(meter().getByText('Слабый')).toBeTruthy();
    expect(meter().getByText('Не один и тот же символ, повторённый много раз')).toBeTruthy();

    type(/^Пароль/, 'Zima-27');
    expect(meter().getByText('Не короче 12 символов (пробелы в начале и в конце не считаются)')).toBeTruthy();
    expect(meter().queryByText('Не один и тот же символ, повторённый много раз')).toBeNull();

    // The common list and zxcvbn arrive with the checker's own chunk.
    type(/^Пароль/, 'qwertyuiopas');
    await waitFor(() => expect(meter().getByText('Слишком распространённый или легко угадываемый пароль: добавьте слова или символы')).toBeTruthy());
    expect(meter().getByRole('progressbar', { name: 'Надёжность пароля' }).getAttribute('aria-valuetext')).toBe('Слабый');

    type(/^Пароль/, 'summerkaluga');
    await waitFor(() => expect(meter().getByText('Средний')).toBeTruthy());
    expect(meter().queryAllByRole('listitem')).toHaveLength(0);

    type(/^Пароль/, 'Vesna-grant-2027');
    await waitFor(() => expect(meter().getByText('Надёжный')).toBeTruthy());
  });

  it('says when the password is the e-mail typed above it', async () => {
    mockFetch(() => undefined);
    renderScreen(<SignUpPage />);
    type(/^Электронная почта/, 'maria.ivanova@example.ru');
    type(/^Пароль/, 'Maria.Ivanova');
    await waitFor(() => expect(meter().getByText('Не совпадает с адресом электронной почты')).toBeTruthy());
    expect(meter().getByText('Слабый')).toBeTruthy();
  });

  it('puts the server\'s refusal of the password on the field, in Russian', async () => {
    mockFetch((url) => url.endsWith('/auth/register') ? {
      status: 400,
      body: { type: 'urn:konkurs:problem:invalid-request', title: 'Bad Request', status: 400, code: 'invalid-request', detail: 'Invalid request: password',
        errors: [{ path: 'password', code: 'password-common', message: 'Too common or too easy to guess: add words or characters' }] },
    } : undefined);
    renderScreen(<SignUpPage />);
    type(/^Фамилия, имя, отчество/, 'Иванова Мария');
    type(/^Электронная почта/, 'maria@example.ru');
    type(/^Пароль/, 'qwertyuiopas');
    fireEvent.click(screen.getByLabelText(/^Я даю согласие на обработку персональных данных/));
    fireEvent.click(screen.getByRole('button', { name: 'Зарегистрироваться' }));
    await waitFor(() => expect(fieldError(screen.getByLabelText(/^Пароль/))).toBe('Слишком распространённый или легко угадываемый пароль: добавьте слова или символы'));
  });
});

describe('the change of one\'s password', () => {
  const me = { id: '00000000-0000-4000-8000-0000000000a1', email: 'olga.expert@example.ru', fullName: 'Ольга Эксперт', role: 'expert', operatorId: null };
  afterEach(() => tokenStore.set(null));

  function open(answer: { status: number; body?: unknown }) {
    tokenStore.set('token');
    const calls = mockFetch((url) => (url.endsWith('/auth/me') ? { status: 200, body: me } : url.endsWith('/auth/password') ? answer : undefined));
    renderScreen(<Routes><Route path="/password" element={<ChangePasswordPage />} /><Route path="/signin" element={<p>Вход</p>} /></Routes>, { route: '/password' });
    return calls;
  }

  it('rates the new password against the account\'s e-mail and shows the server\'s refusal on the field', async () => {
    open({ status: 400, body: { type: 'urn:konkurs:problem:invalid-request', title: 'Bad Request', status: 400, code: 'invalid-request',
      errors: [{ path: 'password', code: 'password-common', message: 'Too common' }] } });
    await waitFor(() => expect(screen.getByLabelText(/^Новый пароль/)).toBeTruthy());
    type(/^Текущий пароль/, 'Test-pass-2026!');
    type(/^Новый пароль/, 'Olga.Expert');
    await waitFor(() => expect(meter().getByText('Не совпадает с адресом электронной почты')).toBeTruthy());
    type(/^Новый пароль/, 'password2027');
    fireEvent.click(screen.getByRole('button', { name: 'Сменить пароль' }));
    await waitFor(() => expect(fieldError(screen.getByLabelText(/^Новый пароль/))).toBe('Слишком распространённый или легко угадываемый пароль: добавьте слова или символы'));
    // Said once: the meter keeps its bar and word but leaves the rule to the field's refusal.
    expect(screen.getAllByText('Слишком распространённый или легко угадываемый пароль: добавьте слова или символы')).toHaveLength(1);
    expect(meter().getByText('Слабый')).toBeTruthy();
  });

  it('once changed, signs out (every session has ended) and opens the sign-in', async () => {
    const calls = open({ status: 204 });
    await waitFor(() => expect(screen.getByLabelText(/^Новый пароль/)).toBeTruthy());
    type(/^Текущий пароль/, 'Test-pass-2026!');
    type(/^Новый пароль/, 'Vesna-grant-2027');
    fireEvent.click(screen.getByRole('button', { name: 'Сменить пароль' }));
    await waitFor(() => expect(screen.getByText('Вход')).toBeTruthy());
    expect(calls.find((c) => c.url.endsWith('/auth/password'))?.body).toEqual({ currentPassword: 'Test-pass-2026!', password: 'Vesna-grant-2027' });
    expect(tokenStore.get()).toBeNull();
  });
});
