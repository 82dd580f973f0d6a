import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { StaleVersionBanner } from '../src/components/stale-version-banner';
import { renderScreen } from './render';

describe('stale-version banner (412)', () => {
  it('says what changed and loads the newer version on its button, busy until it is loaded', async () => {
    let loaded!: () => void;
    const onReload = vi.fn(() => new Promise<void>((resolve) => { loaded = resolve; }));
    renderScreen(<StaleVersionBanner title="Конкурс изменён в другом окне" text="Загрузите новую версию." onReload={onReload} />);
    expect(screen.getByRole('alert', { name: 'Конкурс изменён в другом окне' }).textContent).toMatch(/Загрузите новую версию\./);

    const button = screen.getByRole('button', { name: 'Загрузить новую версию' });
    fireEvent.click(button);
    expect(onReload).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(button.getAttribute('data-loading')).toBe('true'));
    loaded();
    await waitFor(() => expect(button.getAttribute('data-loading')).toBeNull());
  });

  it('without a way to reload it only tells', () => {
    renderScreen(<StaleVersionBanner title="Оценка изменена в другом окне" text="Кто-то сохранил более новую версию." />);
    expect(screen.getByRole('alert')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
