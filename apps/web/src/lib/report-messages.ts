// The words of the report, schedule, commission and document problems (packages/shared messages/reports.ts), known to
// the SPA once a screen that shows them loads: they stay out of a first visit's JavaScript. Imported for its effect
// by those screens; before, a problem reads as the server's own message (in the same language).
import { registerMessages } from '@konkurs/shared';
import { REPORT_MESSAGES } from '@konkurs/shared/messages/reports';

registerMessages(REPORT_MESSAGES);
