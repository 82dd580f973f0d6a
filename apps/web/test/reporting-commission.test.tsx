import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CommissionMember } from '@konkurs/shared';
import { CommissionTab } from '../src/pages/organiser/reporting/commission-tab';
import { competitionFixture } from './fixtures';
import { mockFetch, renderScreen } from './render';

const decided = { ...competitionFixture, status: 'decided' as const };
const members: CommissionMember[] = [
  { fullName: 'Лебедев Андрей Викторович', position: 'Заместитель министра', role: 'chair' },
  { fullName: 'Орлова Мария Сергеевна', position: 'Начальник отдела', role: 'secretary' },
];
const puts = (calls: ReturnType<typeof mockFetch>) => calls.filter((c) => c.method === 'PUT');
/** Picks an option of the open role list (a list closed before may linger in the document while it fades). */
const pick = async (name: string) => fireEvent.click((await screen.findAllByRole('option', { name, hidden: true })).at(-1)!);
const member = (n: number) => screen.getByRole('group', { name: `Член комиссии ${n}` });

describe('commission', () => {
  it('shows the members as the protocol lists them, and the protocol once decided', async () => {
    mockFetch((url) => (url.endsWith('/commission') ? { status: 200, body: { members } } : undefined));
    renderScreen(<CommissionTab competition={decided} />);
    const table = await screen.findByRole('table', { name: 'Члены комиссии' });
    expect(within(table).getAllByRole('row').map((r) => r.textContent)).toEqual([
      '№Фамилия, имя, отчествоДолжностьРоль в комиссии',
      '1Лебедев Андрей ВикторовичЗаместитель министраПредседатель комиссии',
      '2Орлова Мария СергеевнаНачальник отделаСекретарь комиссии',
    ]);
    expect(screen.getByRole('button', { name: 'Скачать протокол (PDF)' })).toBeTruthy();
  });

  it('says when the protocol will be there before the decision', async () => {
    mockFetch((url) => (url.endsWith('/commission') ? { status: 200, body: { members } } : undefined));
    renderScreen(<CommissionTab competition={{ ...competitionFixture, status: 'review' }} />);
    await screen.findByRole('table', { name: 'Члены комиссии' });
    expect(screen.queryByRole('button', { name: 'Скачать протокол (PDF)' })).toBeNull();
    expect(screen.getByText('Протокол можно будет скачать после решения о грантах.')).toBeTruthy();
  });

  it('checks every row before saving and names the empty fields beside them', async () => {
    const calls = mockFetch((url) => (url.endsWith('/commission') ? { status: 200, body: { members: [] } } : undefined));
    renderScreen(<CommissionTab competition={decided} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Добавить члена комиссии' }));
    fireEvent.change(within(member(1)).getByRole('textbox', { name: /Должность/ }), { target: { value: 'Министр' } });
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить состав' }));
    expect(await within(member(1)).findByText('Заполните поле')).toBeTruthy();
    expect(within(member(1)).getAllByText('Заполните поле')).toHaveLength(1);
    expect(puts(calls)).toHaveLength(0);
  });

  it('puts the server’s refusal beside the row it names, and saves the order shown', async () => {
    const calls = mockFetch((url, init) => {
      if (!url.endsWith('/commission')) return undefined;
      if (init.method !== 'PUT') return { status: 200, body: { members } };
      const body = JSON.parse(String(init.body)) as { members: CommissionMember[] };
      return body.members.filter((m) => m.role === 'chair').length > 1
        ? { status: 400, body: { type: 'about:blank', title: 'Bad Request', status: 400, code: 'validation', errors: [{ path: 'members.2.role', code: 'commission-one-chair', message: 'x' }] } }
        : { status: 200, body };
    });
    renderScreen(<CommissionTab competition={decided} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Изменить состав' }));
    fireEvent.click(screen.getByRole('button', { name: 'Добавить члена комиссии' }));
    fireEvent.change(within(member(3)).getByRole('textbox', { name: /Фамилия, имя, отчество/ }), { target: { value: 'Котов Илья Петрович' } });
    fireEvent.change(within(member(3)).getByRole('textbox', { name: /Должность/ }), { target: { value: 'Эксперт' } });
    // A second chair: the server names the row.
    fireEvent.click(within(member(3)).getByRole('textbox', { name: /Роль в комиссии/ }));
    await pick('Председатель комиссии');
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить состав' }));
    expect(await within(member(3)).findByText('У комиссии может быть только один председатель')).toBeTruthy();

    fireEvent.click(within(member(3)).getByRole('textbox', { name: /Роль в комиссии/ }));
    await pick('Член комиссии');
    expect(within(member(3)).queryByText('У комиссии может быть только один председатель')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Поднять члена комиссии 3 выше' }));
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить состав' }));
    await waitFor(() => expect(puts(calls)).toHaveLength(2));
    expect((puts(calls)[1]!.body as { members: CommissionMember[] }).members.map((m) => m.fullName)).toEqual([
      'Лебедев Андрей Викторович', 'Котов Илья Петрович', 'Орлова Мария Сергеевна',
    ]);
    await screen.findByRole('table', { name: 'Члены комиссии' });
  });
});
