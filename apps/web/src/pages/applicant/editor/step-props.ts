import type { Application, Competition, DraftFields } from '@konkurs/shared';
import type { Problems } from './field-paths';

export type StepProps = {
  fields: DraftFields;
  set: <K extends keyof DraftFields>(key: K, value: DraftFields[K]) => void;
  problems: Problems;
  competition: Competition;
  application: Application;
};
