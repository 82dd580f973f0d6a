// The organiser's comment on one field of a returned report, right under the field it concerns.
import { Alert } from '@mantine/core';
import { useT } from '../../../i18n';

export function FieldComment({ path, comments }: { path: string; comments: Record<string, string> }) {
  const t = useT('reports').comments;
  const comment = comments[path];
  if (!comment) return null;
  return (
    <Alert color="orange.9" variant="outline" title={t.field} mt={6} p="xs" data-testid="field-comment" data-path={path}
      styles={{ message: { whiteSpace: 'pre-line' } }}>
      {comment}
    </Alert>
  );
}
