import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { innCheckDigit } from '@konkurs/shared';
import { checkState, OrganizationForm } from '../src/pages/applicant/organization-form';
import { mockFetch, renderScreen } from './render';

const GOOD_INN = '7707083893';
const BAD_INN = '7707083894';
const GOOD_OGRN = '1027700132195';

const inn = () => screen.getByLabelText(/^ИНН/) as HTMLInputElement;
const innError = () => inn().getAttribute('aria-invalid') === 'true';
// The words the server uses for the same code (inn-checksum).
const INN_CHECKSUM = 'Неверный ИНН: не сходится контрольная цифра';

describe('organisation form: live ИНН/ОГРН checks', () => {
  it('says nothing while typing, flags a wrong check digit at once, confirms a right one', () => {
    mockFetch(() => undefined);
    renderScreen(<OrganizationForm onCreated={() => {}} />);
    fireEvent.change(inn(), { target: { value: '770708' } });
    expect(innError()).toBe(false);
    expect(screen.queryByText(INN_CHECKSUM)).toBeNull();

    fireEvent.change(inn(), { target: { value: BAD_INN } });
    expect(screen.getByText(INN_CHECKSUM)).toBeTruthy();
    expect(innError()).toBe(true);

    fireEvent.change(inn(), { target: { value: GOOD_INN } });
    expect(screen.queryByText(INN_CHECKSUM)).toBeNull();
    expect(innError()).toBe(false);
    expect(screen.getAllByText(/Контрольное число верно/)).toHaveLength(1);

    fireEvent.change(screen.getByLabelText(/^ОГРН/), { target: { value: '1027700132196' } });
    expect(screen.getByText('Неверный ОГРН: не сходится контрольная цифра')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^ОГРН/), { target: { value: GOOD_OGRN } });
    expect(screen.getAllByText(/Контрольное число верно/)).toHaveLength(2);
  });

  it('letters in an ИНН are flagged as a format error', () => {
    mockFetch(() => undefined);
    renderScreen(<OrganizationForm onCreated={() => {}} />);
    fireEvent.change(inn(), { target: { value: '77a' } });
    expect(screen.getByText('ИНН организации — 10 цифр')).toBeTruthy();
  });

  it('checkState agrees with the shared checksum for every check digit', () => {
    const nine = '500100732';
    for (let d = 0; d <= 9; d++) expect(checkState(nine + d, 'inn')).toBe(String(d) === innCheckDigit(nine) ? 'ok' : 'bad-checksum');
  });

  it('shows a taken ИНН (409) next to the ИНН field', async () => {
    mockFetch((url, init) =>
      init.method === 'POST' && url.endsWith('/organizations')
        ? { status: 409, body: { type: 'urn:konkurs:problem:inn-taken', title: 'Conflict', status: 409, code: 'inn-taken', detail: 'An organisation with this INN is already registered' } }
        : undefined);
    const onCreated = vi.fn();
    renderScreen(<OrganizationForm onCreated={onCreated} />);
    fireEvent.change(inn(), { target: { value: GOOD_INN } });
    fireEvent.change(screen.getByLabelText(/^ОГРН/), { target: { value: GOOD_OGRN } });
    fireEvent.change(screen.getByLabelText(/^КПП/), { target: { value: '773601001' } });
    fireEvent.change(screen.getByLabelText(/^Полное наименование/), { target: { value: 'АНО «Добрые соседи»' } });
    fireEvent.change(screen.getByLabelText(/^Сокращённое наименование/), { target: { value: 'Добрые соседи' } });
    const region = screen.getByRole('textbox', { name: /Регион регистрации/ });
    fireEvent.click(region);
    fireEvent.click(await screen.findByRole('option', { name: /40 — Калужская область/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Добавить организацию' }));
    await waitFor(() => expect(screen.getByText('Организация с таким ИНН уже зарегистрирована')).toBeTruthy());
    expect(onCreated).not.toHaveBeenCalled();
  });
});
