import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { ApplicationEditor } from '../src/pages/applicant/editor/application-editor';
import { applicationFixture, competitionFixture } from './fixtures';
import { mockFetch, renderScreen } from './render';

const conflict = { status: 412, body: { type: 'about:blank', title: 'Precondition Failed', status: 412, detail: 'The application was saved by someone else' } };
const titleInput = () => screen.getByLabelText(/Название проекта/) as HTMLInputElement;

describe('application editor autosave', () => {
  it('saves about a second after typing stops, with the version, and shows "Сохранено"', async () => {
    const app = applicationFixture();
    const calls = mockFetch((url, init) => {
      if (init.method === 'PATCH') return { status: 200, body: { ...app, ...JSON.parse(String(init.body)), version: 2 } };
      return undefined;
    });
    renderScreen(<ApplicationEditor application={app} competition={competitionFixture} />);
    fireEvent.change(titleInput(), { target: { value: 'Соседский центр' } });
    expect(screen.getByTestId('save-status').textContent).toMatch(/несохранённые/);
    await new Promise((r) => setTimeout(r, 500));
    expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(0);
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toMatch(/Сохранено/), { timeout: 3000 });
    const patches = calls.filter((c) => c.method === 'PATCH');
    expect(patches).toHaveLength(1);
    expect(patches[0].url).toBe(`/api/v1/applications/${app.id}`);
    expect(patches[0].body).toEqual({ version: 1, title: 'Соседский центр' });

    // The next save carries the version the server gave back.
    fireEvent.change(titleInput(), { target: { value: 'Соседский центр 2' } });
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(2), { timeout: 3000 });
    expect(calls.filter((c) => c.method === 'PATCH')[1].body).toEqual({ version: 2, title: 'Соседский центр 2' });
  });

  it('a 412 shows the conflict banner and keeps what was typed; after reload the edits can be re-applied', async () => {
    const app = applicationFixture();
    let serverVersion = 1;
    const calls = mockFetch((url, init) => {
      if (init.method === 'PATCH') {
        const body = JSON.parse(String(init.body));
        if (body.version !== serverVersion) return conflict;
        serverVersion += 1;
        return { status: 200, body: { ...app, ...body, version: serverVersion } };
      }
      if (url.endsWith(`/applications/${app.id}`)) return { status: 200, body: { ...app, title: 'Сохранено в другом окне', summary: 'Чужое описание', version: serverVersion } };
      return undefined;
    });
    serverVersion = 5; // someone saved four times elsewhere
    renderScreen(<ApplicationEditor application={app} competition={competitionFixture} autosaveDelayMs={100} />);

    fireEvent.change(titleInput(), { target: { value: 'Мой новый заголовок' } });
    const banner = await screen.findByRole('alert', { name: /Заявка изменена в другом окне/ }, { timeout: 3000 });
    expect(banner.textContent).toMatch(/не потеряны/);
    expect(titleInput().value).toBe('Мой новый заголовок');

    // No further saves while in conflict; typing goes on locally.
    fireEvent.change(titleInput(), { target: { value: 'Мой новый заголовок!' } });
    await new Promise((r) => setTimeout(r, 300));
    expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(1);
    expect(titleInput().value).toBe('Мой новый заголовок!');
    expect(JSON.parse(localStorage.getItem(`konkurs.draft.${app.id}`)!).fields.title).toBe('Мой новый заголовок!');

    fireEvent.click(screen.getByRole('button', { name: 'Загрузить новую версию' }));
    await waitFor(() => expect(titleInput().value).toBe('Сохранено в другом окне'));
    expect(screen.getByText(/Не сохранены изменения в разделах: Название проекта/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Применить мои изменения' }));
    expect(titleInput().value).toBe('Мой новый заголовок!');
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toMatch(/Сохранено/), { timeout: 3000 });
    const last = calls.filter((c) => c.method === 'PATCH').at(-1)!;
    expect(last.body).toEqual({ version: 5, title: 'Мой новый заголовок!' });
    expect(localStorage.getItem(`konkurs.draft.${app.id}`)).toBeNull();
  });

  it('offers edits left on this device by an earlier visit', async () => {
    const app = applicationFixture();
    localStorage.setItem(`konkurs.draft.${app.id}`, JSON.stringify({ baseVersion: 1, fields: { goal: 'Цель, набранная вчера' } }));
    mockFetch(() => undefined);
    renderScreen(<ApplicationEditor application={app} competition={competitionFixture} />);
    expect(screen.getByText('Найдены несохранённые изменения')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Применить мои изменения' }));
    expect((screen.getByLabelText(/Цель проекта/) as HTMLTextAreaElement).value).toBe('Цель, набранная вчера');
  });
});
