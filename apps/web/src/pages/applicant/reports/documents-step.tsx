// Step 3: the report's supporting documents, each of the whole report or of one budget line; the same upload rules
// as an application's (types by their bytes, the size limit, the organisation's quota), refusals named in words.
// Read-only (a submitted or accepted report): the list, to download.
import { useState } from 'react';
import { ActionIcon, Anchor, Badge, Card, Select, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { Dropzone, type FileRejection } from '@mantine/dropzone';
import { useQueryClient } from '@tanstack/react-query';
import { ATTACHMENT_EXTENSIONS, ATTACHMENT_MAX_BYTES, formatFileSize, type Report, type ReportAttachment } from '@konkurs/shared';
import { isApiError, type ApiError } from '../../../api/client';
import { deleteReportAttachment, downloadReportAttachment, reportQuery, uploadReportAttachment } from '../../../api/reports';
import { DateText } from '../../../components/date-text';
import { useProblemText } from '../../../components/field-error';
import { ScrollTable } from '../../../components/scroll-region';
import { EmptyState } from '../../../components/states';
import { UploadProgressList, type UploadInFlight } from '../../../components/upload-progress';
import { useLang, useT } from '../../../i18n';
import { notify } from '../../../lib/notify';
import { fieldId } from '../editor/field-paths';
import { FieldComment } from './field-comment';

type Upload = UploadInFlight;
let uploadSeq = 0;
const ACCEPT = Object.fromEntries(Object.entries(ATTACHMENT_EXTENSIONS).map(([mime, exts]) => [mime, exts.map((e) => `.${e}`)]));

/** «Строка 2: Аренда зала», or «Ко всему отчёту». */
export function useLineLabel(report: Report) {
  const t = useT('reports').attachments;
  return (budgetIndex: number | null) => (budgetIndex === null ? t.noLine : t.lineLabel(budgetIndex + 1, report.plan.budget[budgetIndex]?.item ?? ''));
}

export function AttachmentsList({ report, editable }: { report: Report; editable: boolean }) {
  const t = useT('reports').attachments;
  const common = useT('common');
  const problemText = useProblemText();
  const { lang } = useLang();
  const queryClient = useQueryClient();
  const lineLabel = useLineLabel(report);
  const remove = async (a: ReportAttachment) => {
    try {
      await deleteReportAttachment(report.id, a.id);
      await queryClient.invalidateQueries({ queryKey: reportQuery(report.id).queryKey });
    } catch (e) {
      notify(isApiError(e) ? problemText(e) || t.removeFailed : t.removeFailed, { color: 'red' });
    }
  };
  if (report.attachments.length === 0) return <EmptyState title={t.empty} />;
  return (
    <Card withBorder padding={0}>
      <ScrollTable minWidth={560} label={t.listTitle} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.file}</Table.Th>
            <Table.Th scope="col">{t.budgetLine}</Table.Th>
            <Table.Th scope="col">{t.uploaded}</Table.Th>
            {editable && <Table.Th scope="col" w={44}><VisuallyHidden>{common.remove}</VisuallyHidden></Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.attachments.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Anchor component="button" type="button" onClick={() => downloadReportAttachment(report.id, a.id, a.fileName)} style={{ overflowWrap: 'anywhere', textAlign: 'left' }}>{a.fileName}</Anchor>
                <Text size="xs" c="dimmed">{formatFileSize(a.sizeBytes, lang)}</Text>
              </Table.Td>
              <Table.Td><Badge variant="outline" color="gray.8" tt="none" style={{ whiteSpace: 'normal', height: 'auto' }}>{lineLabel(a.budgetIndex)}</Badge></Table.Td>
              <Table.Td><DateText value={a.createdAt} withTime timeZone={report.timezone} /></Table.Td>
              {editable && (
                <Table.Td>
                  <ActionIcon variant="subtle" color="red.9" aria-label={t.remove(a.fileName)} onClick={() => void remove(a)}>✕</ActionIcon>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
    </Card>
  );
}

export function DocumentsStep({ report, problems, comments }: { report: Report; problems: Record<string, string>; comments: Record<string, string> }) {
  const t = useT('reports').attachments;
  const files = useT('applicant').attachments;
  const problemText = useProblemText();
  const { lang } = useLang();
  const queryClient = useQueryClient();
  const lineLabel = useLineLabel(report);
  const [line, setLine] = useState<string>('');
  const [uploads, setUploads] = useState<Upload[]>([]);
  const patch = (key: number, p: Partial<Upload>) => setUploads((us) => us.map((u) => (u.key === key ? { ...u, ...p } : u)));
  const limit = formatFileSize(ATTACHMENT_MAX_BYTES, lang);
  const refusal = (e: ApiError) => problemText(e.errors[0] ?? e) || (e.status === 413 ? files.tooLarge(limit) : e.status === 415 ? files.badType : e.message);

  const reject = (rejections: FileRejection[]) => setUploads((us) => [...us, ...rejections.map((r) => ({
    key: ++uploadSeq, fileName: r.file.name, progress: 0,
    error: r.errors.some((x) => x.code === 'file-too-large') ? files.tooLargeFile(formatFileSize(r.file.size, lang), limit) : files.badType,
  }))]);

  const upload = async (chosen: File[]) => {
    const budgetIndex = line === '' ? null : Number(line);
    await Promise.all(chosen.map(async (file) => {
      const key = ++uploadSeq;
      setUploads((us) => [...us, { key, fileName: file.name, progress: 0 }]);
      try {
        await uploadReportAttachment(report.id, file, budgetIndex, (f) => patch(key, { progress: Math.round(f * 100) }));
        setUploads((us) => us.filter((u) => u.key !== key));
      } catch (e) {
        patch(key, { error: isApiError(e) ? refusal(e) : String(e) });
      }
    }));
    await queryClient.invalidateQueries({ queryKey: reportQuery(report.id).queryKey });
  };

  return (
    <Stack gap="md" id={fieldId('attachments')} tabIndex={-1}>
      <Text size="sm">{t.intro}</Text>
      {problems.attachments && <Text c="red.9" size="sm" role="alert">{problems.attachments}</Text>}
      <FieldComment path="attachments" comments={comments} />
      <Select label={t.budgetLine} value={line} onChange={(v) => setLine(v ?? '')} allowDeselect={false} maw={480}
        data={[{ value: '', label: t.noLine }, ...report.plan.budget.map((_, i) => ({ value: String(i), label: lineLabel(i) }))]} />
      <Dropzone onDrop={upload} onReject={reject} accept={ACCEPT} maxSize={ATTACHMENT_MAX_BYTES} multiple aria-label={files.drop} inputProps={{ 'aria-label': files.drop }}
        style={{ border: '2px dashed var(--mantine-color-gray-6)', borderRadius: 'var(--mantine-radius-md)' }}>
        <Stack align="center" gap={4} py="lg" style={{ pointerEvents: 'none' }}>
          <Text fw={600} ta="center">{files.drop}</Text>
          <Text size="sm" c="dimmed" ta="center">{files.dropHint}</Text>
          <Text size="sm" c="dimmed" ta="center">{files.limit(limit)}</Text>
        </Stack>
      </Dropzone>
      <UploadProgressList uploads={uploads} words={files} onDismiss={(key) => setUploads((us) => us.filter((x) => x.key !== key))} />
      <AttachmentsList report={report} editable />
    </Stack>
  );
}
