import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ApiError } from '../src/api/client';
import { ConfirmButton } from '../src/components/confirm-button';
import { renderScreen } from './render';

async function openDialog(label: string) {
  fireEvent.click(screen.getByRole('button', { name: label }));
  return screen.findByRole('dialog');
}

describe('confirm button', () => {
  it('asks first, acts on «Подтвердить» and closes when the action is done', async () => {
    const onConfirm = vi.fn(async () => {});
    renderScreen(<ConfirmButton label="Открыть приём заявок" title="Открыть приём заявок" text="Заявители смогут подавать заявки." onConfirm={onConfirm} />);
    const dialog = await openDialog('Открыть приём заявок');
    expect(onConfirm).not.toHaveBeenCalled();
    expect(dialog.textContent).toMatch(/Заявители смогут подавать заявки\./);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Подтвердить' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it("keeps the dialog open with the action's problem, and a new opening starts clean", async () => {
    const onConfirm = vi.fn(async () => { throw new ApiError(409, { title: 'Conflict', code: 'no-such-code', detail: 'Бюджет превышен' }); });
    renderScreen(<ConfirmButton label="Утвердить решение" title="Утвердить решение?" onConfirm={onConfirm} />);
    let dialog = await openDialog('Утвердить решение');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Подтвердить' }));
    expect(await within(dialog).findByRole('alert')).toBeTruthy();
    expect(within(dialog).getByRole('alert').textContent).toMatch(/Бюджет превышен/);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Отмена' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    dialog = await openDialog('Утвердить решение');
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });

  it('asks for a reason when the action needs one and passes it on, trimmed', async () => {
    const onConfirm = vi.fn(async (_reason: string) => {});
    renderScreen(<ConfirmButton label="Отклонить" title="Не допускать заявку" reason={{ label: 'Причина отказа', missing: 'Укажите причину' }}
      confirmLabel="Отклонить" onConfirm={onConfirm} />);
    const dialog = await openDialog('Отклонить');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Отклонить' }));
    expect(await within(dialog).findByText('Укажите причину')).toBeTruthy();
    expect(onConfirm).not.toHaveBeenCalled();
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Причина отказа/ }), { target: { value: '  Не по направлению  ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Отклонить' }));
    await waitFor(() => expect(onConfirm).toHaveBeenCalledWith('Не по направлению'));
  });

  it('opens only when the check before it says yes', async () => {
    const beforeOpen = vi.fn(() => false);
    renderScreen(<ConfirmButton label="Отправить оценку" title="Отправить оценку?" beforeOpen={beforeOpen} onConfirm={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Отправить оценку' }));
    await waitFor(() => expect(beforeOpen).toHaveBeenCalled());
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
