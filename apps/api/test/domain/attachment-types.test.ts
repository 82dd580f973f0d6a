import { describe, expect, it } from 'vitest';
import { contentDisposition, displayFileName, judgeAttachmentType } from '../../src/domain/attachment-types.js';

describe('judgeAttachmentType', () => {
  it('accepts the allowed types whose name agrees, or has no extension', () => {
    expect(judgeAttachmentType('application/pdf', 'устав.PDF')).toEqual({ ok: true, mimeType: 'application/pdf' });
    expect(judgeAttachmentType('image/jpeg', 'фото.jpeg')).toMatchObject({ ok: true });
    expect(judgeAttachmentType('application/x-cfb', 'смета.xls')).toMatchObject({ ok: true });
    expect(judgeAttachmentType('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'письмо.docx')).toMatchObject({ ok: true });
    expect(judgeAttachmentType('application/pdf', 'README')).toMatchObject({ ok: true });
  });

  it('refuses unknown or unlisted contents, and a name that contradicts them', () => {
    expect(judgeAttachmentType(undefined, 'a.pdf')).toMatchObject({ ok: false });
    expect(judgeAttachmentType('application/x-msdownload', 'a.pdf')).toMatchObject({ ok: false });
    expect(judgeAttachmentType('application/zip', 'a.zip')).toMatchObject({ ok: false });
    expect(judgeAttachmentType('application/pdf', 'a.docx')).toEqual({ ok: false, issue: { path: 'file', code: 'file-extension-mismatch', params: { extension: 'docx', actual: 'PDF' } } });
    expect(judgeAttachmentType('image/png', 'a.exe')).toMatchObject({ ok: false });
  });
});

describe('displayFileName', () => {
  it('drops folders, control and invisible characters, leading dots', () => {
    expect(displayFileName('../../etc/passwd')).toBe('passwd');
    expect(displayFileName('C:\\Users\\Анна\\Устав.pdf')).toBe('Устав.pdf');
    expect(displayFileName('a\u0000b\u202Ec\u200B.pdf')).toBe('abc.pdf');
    expect(displayFileName('  two   spaces\t.pdf ')).toBe('two spaces.pdf');
    expect(displayFileName('..hidden')).toBe('hidden');
    expect(displayFileName('')).toBe('file');
    expect(displayFileName(undefined)).toBe('file');
    expect(displayFileName('Й'.normalize('NFD') + '.pdf')).toBe('Й.pdf');
  });

  it('keeps long names to 200 characters with their extension', () => {
    const name = displayFileName('я'.repeat(300) + '.pdf');
    expect(name).toHaveLength(200);
    expect(name.endsWith('я.pdf')).toBe(true);
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the UTF-8 name in filename*', () => {
    expect(contentDisposition('Устав "АНО" (1)*.pdf')).toBe(`attachment; filename="_____ _____ (1)*.pdf"; filename*=UTF-8''%D0%A3%D1%81%D1%82%D0%B0%D0%B2%20%22%D0%90%D0%9D%D0%9E%22%20%281%29%2A.pdf`);
    expect(contentDisposition("it's.pdf")).toBe(`attachment; filename="it's.pdf"; filename*=UTF-8''it%27s.pdf`);
  });
});
