import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { AttachmentsStep } from '../src/pages/applicant/editor/attachments-step';
import { applicationFixture, competitionFixture } from './fixtures';
import { mockFetch, renderScreen } from './render';

const renderStep = () => {
  const calls = mockFetch(() => undefined);
  const sent: unknown[] = [];
  // No upload may start for a refused file.
  globalThis.XMLHttpRequest = class { open() { sent.push('open'); } send() { sent.push('send'); } setRequestHeader() {} upload = {} } as never;
  renderScreen(<AttachmentsStep application={applicationFixture()} competition={{ ...competitionFixture, requiredAttachmentKinds: ['charter'] }} problems={{}} onChanged={() => {}} />);
  return { calls, sent };
};
const choose = (file: File) => fireEvent.change(document.querySelector('input[type=file]')!, { target: { files: [file] } });

describe('documents: refusals are said at once', () => {
  it('the drop zone tells its limit and the accepted types', () => {
    renderStep();
    expect(screen.getByTestId('upload-limit').textContent).toBe('Размер файла — не больше 20 МБ');
    expect(screen.getByText(/Принимаются PDF, PNG, JPEG/)).toBeTruthy();
  });

  it('a .txt file is named with why it is refused, and nothing is sent', async () => {
    const { sent } = renderStep();
    choose(new File(['просто текст'], 'заметки.txt', { type: 'text/plain' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/заметки\.txt/);
    expect(alert.textContent).toMatch(/такой тип не принимается\. Подойдут PDF/);
    expect(sent).toEqual([]);
  });

  it('a file over the limit is named with its size and the limit', async () => {
    const { sent } = renderStep();
    const big = new File(['%PDF-1.4'], 'устав.pdf', { type: 'application/pdf' });
    Object.defineProperty(big, 'size', { value: 25 * 1024 * 1024 });
    choose(big);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/устав\.pdf/);
    expect(alert.textContent).toMatch(/его размер 25 МБ, а допускается не больше 20 МБ/);
    await waitFor(() => expect(sent).toEqual([]));
  });
});

describe('documents: the organisation’s space and the server’s refusals of it', () => {
  const quotaRefusal = { type: 'urn:konkurs:problem:storage-quota-exceeded', title: 'Действие сейчас невозможно', status: 409, code: 'storage-quota-exceeded',
    detail: 'server words', params: { usedBytes: 498 * 1024 * 1024, quotaBytes: 500 * 1024 * 1024, fileBytes: 3 * 1024 * 1024 } };
  const fullDisk = { type: 'urn:konkurs:problem:storage-full', title: 'Недостаточно места на сервере', status: 507, code: 'storage-full', detail: 'server words' };
  /** An XMLHttpRequest that answers every upload with `status` and `body`. */
  const answerUploads = (status: number, body: unknown) => {
    globalThis.XMLHttpRequest = class {
      status = 0; statusText = ''; responseText = ''; upload = {}; onload?: () => void;
      open() {} setRequestHeader() {}
      send() { queueMicrotask(() => { this.status = status; this.responseText = JSON.stringify(body); this.onload?.(); }); }
    } as never;
  };
  const renderWithStorage = () => {
    mockFetch((url) => (url.endsWith('/storage') ? { status: 200, body: { usedBytes: 120 * 1024 * 1024, quotaBytes: 500 * 1024 * 1024 } } : undefined));
    renderScreen(<AttachmentsStep application={applicationFixture()} competition={{ ...competitionFixture, requiredAttachmentKinds: ['charter'] }} problems={{}} onChanged={() => {}} />);
  };
  const pdfFile = () => new File(['%PDF-1.4'], 'смета.pdf', { type: 'application/pdf' });

  it('the drop zone says how much of the quota the organisation’s documents take', async () => {
    renderWithStorage();
    expect((await screen.findByTestId('storage-usage')).textContent).toBe('Документы организации: занято 120 МБ из 500 МБ');
  });

  it('a quota refusal (409) is said in Russian with the figures and what to do; the chosen kind stays', async () => {
    answerUploads(409, quotaRefusal);
    renderWithStorage();
    const kind = screen.getByRole('textbox', { name: 'Вид документа' }) as HTMLInputElement;
    const before = kind.value;
    choose(pdfFile());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/смета\.pdf/);
    expect(alert.textContent).toMatch(/занято 498 МБ из 500 МБ\): удалите ненужные документы старых черновиков/);
    expect(kind.value).toBe(before);
  });

  it('a full disk (507) is said in Russian, not as an unknown error', async () => {
    answerUploads(507, fullDisk);
    renderWithStorage();
    choose(pdfFile());
    expect((await screen.findByRole('alert')).textContent).toMatch(/На сервере заканчивается место: файл не сохранён/);
  });
});
