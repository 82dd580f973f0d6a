// What a Russian screen must not show (issue 8, item 5): a sentence in English, or an instant in its raw ISO
// form. A run of three Latin words on one line counts as English; what is not prose is left out of a run
// without breaking it: e-mails, addresses, codes with digits (KLG-2027), acronyms (CSV), machine names with
// a dot or an underscore (competition.created, ustav.pdf).
import type { Page } from '@playwright/test';

const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const MIN_ENGLISH_RUN = 3;
/** Latin names a Russian screen may show as they are. */
const NAMES = new Set(['Konkurs', 'e-mail', 'E-mail']);

type Kind = 'latin' | 'neutral' | 'other';

function kindOf(token: string): Kind {
  const word = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  if (!/\p{L}/u.test(word)) return 'neutral';
  if (/[@/]|^www\./.test(word) || /\d/.test(word) || /[._]/.test(word) || NAMES.has(word)) return 'neutral';
  if (/^[A-Z]+(?:-[A-Z]+)*$/.test(word) && word.length > 1) return 'neutral';
  return /^[A-Za-z][A-Za-z'’-]*$/.test(word) ? 'latin' : 'other';
}

/** The lines of `text` that hold English prose or a raw ISO instant, each with what was found. */
export function foreignText(text: string): string[] {
  const found: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (ISO_INSTANT.test(line)) found.push(`raw ISO instant: ${line.slice(0, 300)}`);
    let run = 0;
    let longest = 0;
    for (const token of line.split(/\s+/)) {
      const kind = kindOf(token);
      if (kind === 'latin') longest = Math.max(longest, ++run);
      else if (kind === 'other') run = 0;
    }
    if (longest >= MIN_ENGLISH_RUN) found.push(`English: ${line.slice(0, 300)}`);
  }
  return found;
}

/** What a person sees on the page: the rendered text and the placeholders of the visible fields. */
export function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const placeholders = [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[placeholder], textarea[placeholder]')]
      .filter((el) => el.checkVisibility())
      .map((el) => el.placeholder);
    return [document.body.innerText, ...placeholders].join('\n');
  });
}
