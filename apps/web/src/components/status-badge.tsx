import { Badge } from '@mantine/core';
import {
  APPLICATION_STATUS_LABELS, COMPETITION_STATUS_LABELS, type ApplicationStatus, type CompetitionStatus,
} from '@konkurs/shared';
import { useLang } from '../i18n';

const APPLICATION_COLORS: Record<ApplicationStatus, string> = {
  draft: 'gray', submitted: 'blue', admitted: 'cyan', rejected: 'red', under_review: 'indigo',
  reviewed: 'violet', winner: 'green', not_supported: 'orange', withdrawn: 'gray',
};
const COMPETITION_COLORS: Record<CompetitionStatus, string> = {
  draft: 'gray', open: 'green', review: 'indigo', decided: 'violet', published: 'blue', archived: 'gray',
};

/**
 * A status in the words of the glossary (shared labels), coloured by meaning. Never cut: it keeps its width
 * beside a long title and, in a column narrower than itself, wraps its words (the theme's Badge styles).
 */
export function StatusBadge(props: { kind: 'application'; status: ApplicationStatus } | { kind: 'competition'; status: CompetitionStatus }) {
  const { lang } = useLang();
  const [label, color] =
    props.kind === 'application'
      ? [APPLICATION_STATUS_LABELS[lang][props.status], APPLICATION_COLORS[props.status]]
      : [COMPETITION_STATUS_LABELS[lang][props.status], COMPETITION_COLORS[props.status]];
  return (
    <Badge color={`${color}.9`} variant="outline" radius="sm" tt="none" fw={600}>
      {label ?? props.status}
    </Badge>
  );
}
