import type { Report, ReportFields } from '@konkurs/shared';

export type ReportStepProps = {
  report: Report;
  fields: ReportFields;
  set: <K extends keyof ReportFields>(key: K, value: ReportFields[K]) => void;
  /** Problems by path (a refused submit, a refused save). */
  problems: Record<string, string>;
  /** The organiser's comments by path, while the report is returned. */
  comments: Record<string, string>;
};
