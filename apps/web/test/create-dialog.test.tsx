import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { TextInput } from '@mantine/core';
import { z } from 'zod';
import { ApiError } from '../src/api/client';
import { CreateDialog, useCreateDialog } from '../src/components/create-dialog';
import { renderScreen } from './render';

const schema = z.object({ name: z.string().min(1) });

function NewThing({ create, onCreated }: { create: (v: { name: string }) => Promise<{ id: string }>; onCreated?: (c: { id: string }) => void }) {
  const dialog = useCreateDialog({ schema, defaultValues: { name: '' }, fields: ['name'], create, onCreated });
  return (
    <CreateDialog dialog={dialog} label="Новая вещь" title="Новая вещь">
      <TextInput label="Название" {...dialog.form.register('name')} error={dialog.errorOf('name')} />
    </CreateDialog>
  );
}

const dialog = () => screen.getByRole('dialog', { name: 'Новая вещь' });
const nameInput = () => within(dialog()).getByRole('textbox', { name: 'Название' }) as HTMLInputElement;
async function open() {
  fireEvent.click(screen.getByRole('button', { name: 'Новая вещь' }));
  await screen.findByRole('dialog', { name: 'Новая вещь' });
}

describe('create dialog', () => {
  it('sends the form, tells the page what was created, closes, and opens again with an empty form', async () => {
    const create = vi.fn(async (v: { name: string }) => ({ id: `id-${v.name}` }));
    const onCreated = vi.fn();
    renderScreen(<NewThing create={create} onCreated={onCreated} />);
    await open();
    fireEvent.change(nameInput(), { target: { value: 'Стол' } });
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Сохранить' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(create).toHaveBeenCalledWith({ name: 'Стол' }, expect.anything());
    expect(onCreated).toHaveBeenCalledWith({ id: 'id-Стол' });

    await open();
    expect(nameInput().value).toBe('');
  });

  it("puts the server's field error next to its field and stays open", async () => {
    const create = vi.fn(async () => {
      throw new ApiError(400, { title: 'Bad Request', errors: [{ path: 'name', code: 'required', message: 'required' }] });
    });
    renderScreen(<NewThing create={create} />);
    await open();
    fireEvent.change(nameInput(), { target: { value: ' ' } });
    fireEvent.click(within(dialog()).getByRole('button', { name: 'Сохранить' }));
    await waitFor(() => expect(nameInput().getAttribute('aria-invalid')).toBe('true'));
    expect(within(dialog()).getByText('Обязательное поле')).toBeTruthy();
    expect(nameInput().value).toBe(' ');
  });
});
