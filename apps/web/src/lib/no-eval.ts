// Imported first (main.tsx): zod probes whether it may compile its parsers with `new Function`, and under the
// SPA's Content Security Policy (script-src 'self', no 'unsafe-eval') the probe is refused and reported as a
// violation. Told to stay jitless, it parses as it would after the refusal, without asking.
import { config } from 'zod';

config({ jitless: true });
