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
