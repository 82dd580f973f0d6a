// Documents: choose a kind, drop files; each upload shows its progress (XMLHttpRequest), then joins the list. A file
// of a refused type or over the limit is named at once with the reason (before any upload), and so is a refusal
// of the server (413, 415, 409 for the cap or the organisation's quota, 507 for a full disk), in the user's language.
// The drop zone says how much of its quota the organisation's documents take.
import { useState } from 'react';
import { ActionIcon, Anchor, Badge, Card, List, Select, Stack, Table, Text } from '@mantine/core';
import { Dropzone, type FileRejection } from '@mantine/dropzone';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ATTACHMENT_EXTENSIONS, ATTACHMENT_KINDS, ATTACHMENT_KIND_LABELS, ATTACHMENT_MAX_BYTES, formatFileSize, type Attachment, type AttachmentKind,
} from '@konkurs/shared';
import { applicationQuery } from '../../../api/applications';
import { deleteAttachment, documentStorageQuery, downloadAttachment, uploadAttachment } from '../../../api/attachments';
import { isApiError, type ApiError } from '../../../api/client';
import { DateText } from '../../../components/date-text';
import { EmptyState } from '../../../components/states';
import { ScrollTable } from '../../../components/scroll-region';
import { UploadProgressList, type UploadInFlight } from '../../../components/upload-progress';
import { useProblemText } from '../../../components/field-error';
import { useLang, useT } from '../../../i18n';
import { fieldId } from './field-paths';
import type { StepProps } from './step-props';

type Upload = UploadInFlight & { kind: AttachmentKind };

let uploadSeq = 0;

/** What the file picker accepts: each type with its extensions (a browser that does not know a type goes by the name). */
const ACCEPT = Object.fromEntries(Object.entries(ATTACHMENT_EXTENSIONS).map(([mime, exts]) => [mime, exts.map((e) => `.${e}`)]));

export function AttachmentsStep({ application, competition, problems, onChanged }: Pick<StepProps, 'application' | 'competition' | 'problems'> & { onChanged: () => void }) {
  const t = useT('applicant').attachments;
  const problemText = useProblemText();
  const { lang } = useLang();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<AttachmentKind>(competition.requiredAttachmentKinds.find((k) => !application.attachments.some((a) => a.kind === k)) ?? 'other');
  const [uploads, setUploads] = useState<Upload[]>([]);
  const storage = useQuery(documentStorageQuery(application.id)).data;
  const attachments = application.attachments;
  const patch = (key: number, p: Partial<Upload>) => setUploads((us) => us.map((u) => (u.key === key ? { ...u, ...p } : u)));

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: applicationQuery(application.id).queryKey });
    onChanged();
  };

  const limit = formatFileSize(ATTACHMENT_MAX_BYTES, lang);
  /** The server's refusal in words: the reason it names for the file (its type), else its own problem, else by status. */
  const refusal = (e: ApiError) => {
    const said = problemText(e.errors[0] ?? e);
    if (said) return said;
    return e.status === 413 ? t.tooLarge(limit) : e.status === 415 ? t.badType : problemText(e) || e.message;
  };

  // Refused by the picker itself: each file named with why, nothing sent.
  const reject = (rejections: FileRejection[]) => {
    setUploads((us) => [...us, ...rejections.map((r) => ({
      key: ++uploadSeq, fileName: r.file.name, kind, progress: 0,
      error: r.errors.some((x) => x.code === 'file-too-large') ? t.tooLargeFile(formatFileSize(r.file.size, lang), limit) : t.badType,
    }))]);
  };

  const upload = async (files: File[]) => {
    await Promise.all(
      files.map(async (file) => {
        const key = ++uploadSeq;
        setUploads((us) => [...us, { key, fileName: file.name, kind, progress: 0 }]);
        try {
          await uploadAttachment(application.id, kind, file, (f) => patch(key, { progress: Math.round(f * 100) }));
          setUploads((us) => us.filter((u) => u.key !== key));
        } catch (e) {
          patch(key, { error: isApiError(e) ? refusal(e) : String(e) });
        }
      }),
    );
    await refresh();
  };

  const remove = async (a: Attachment) => {
    await deleteAttachment(application.id, a.id);
    await refresh();
  };

  return (
    <Stack gap="md" id={fieldId('attachments')} tabIndex={-1}>
      {competition.requiredAttachmentKinds.length > 0 && (
        <Card withBorder padding="md">
          <Text fw={600} size="sm" mb={4}>{t.required}</Text>
          <List size="sm">
            {competition.requiredAttachmentKinds.map((k) => {
              const present = attachments.some((a) => a.kind === k);
              return (
                <List.Item key={k} id={fieldId(`attachments.${k}`)} tabIndex={-1}>
                  {ATTACHMENT_KIND_LABELS[lang][k]} — <Text span c={present ? 'green.9' : 'red.9'} fw={600} size="sm">{present ? t.present : t.missing}</Text>
                  {problems[`attachments.${k}`] && <Text span c="red.9" size="sm"> ({problems[`attachments.${k}`]})</Text>}
                </List.Item>
              );
            })}
          </List>
        </Card>
      )}
      <Select label={t.kind} data={ATTACHMENT_KINDS.map((k) => ({ value: k, label: ATTACHMENT_KIND_LABELS[lang][k] }))} value={kind} onChange={(v) => v && setKind(v as AttachmentKind)} allowDeselect={false} maw={360} />
      <Dropzone onDrop={upload} onReject={reject} accept={ACCEPT} maxSize={ATTACHMENT_MAX_BYTES} multiple aria-label={t.drop} inputProps={{ 'aria-label': t.drop }}
        style={{ border: '2px dashed var(--mantine-color-gray-6)', borderRadius: 'var(--mantine-radius-md)' }}>
        <Stack align="center" gap={4} py="lg" style={{ pointerEvents: 'none' }}>
          <Text fw={600} ta="center">{t.drop}</Text>
          <Text size="sm" c="dimmed" ta="center">{t.dropHint}</Text>
          <Text size="sm" c="dimmed" ta="center" data-testid="upload-limit">{t.limit(limit)}</Text>
          {storage && (
            <Text size="sm" c="dimmed" ta="center" data-testid="storage-usage">
              {t.storageUsed(formatFileSize(storage.usedBytes, lang), formatFileSize(storage.quotaBytes, lang))}
            </Text>
          )}
        </Stack>
      </Dropzone>
      <UploadProgressList uploads={uploads} name={(u) => `${u.fileName} · ${ATTACHMENT_KIND_LABELS[lang][u.kind]}`} words={t}
        onDismiss={(key) => setUploads((us) => us.filter((x) => x.key !== key))} />
      {attachments.length === 0 ? (
        <EmptyState title={t.empty} />
      ) : (
        <Card withBorder padding={0}>
          <ScrollTable minWidth={560} label={t.title} verticalSpacing="xs">
            <Table.Tbody>
              {attachments.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td><Badge variant="outline" color="gray.8" tt="none">{ATTACHMENT_KIND_LABELS[lang][a.kind]}</Badge></Table.Td>
                  <Table.Td>
                    <Anchor component="button" type="button" onClick={() => downloadAttachment(application.id, a.id, a.fileName)}>{a.fileName}</Anchor>
                    <Text size="xs" c="dimmed">{t.size((a.sizeBytes / 1024).toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: 1 }))} · SHA-256 {a.sha256.slice(0, 12)}…</Text>
                  </Table.Td>
                  <Table.Td><DateText value={a.createdAt} withTime /></Table.Td>
                  <Table.Td>
                    {application.status === 'draft' && (
                      <ActionIcon variant="subtle" color="red.9" aria-label={t.remove(a.fileName)} onClick={() => remove(a)}>✕</ActionIcon>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        </Card>
      )}
    </Stack>
  );
}
