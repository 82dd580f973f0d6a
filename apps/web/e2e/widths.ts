// What "fits the screen" means for a page (issue 9, item 7): the page never scrolls sideways (a wide table
// scrolls inside its own region instead), and no visible badge, tab, menu or navigation entry is cut: neither
// ended with an ellipsis, nor clamped to fewer lines than it has, nor hidden behind the edge of a box that
// clips or scrolls it. Each offence names the element, so that a failure says what to fix.
import type { Page } from '@playwright/test';

/** The widths every main page is measured at: a phone and a laptop. */
export const WIDTHS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'laptop', width: 1280, height: 900 },
] as const;

/** Elements a person must read whole: a cut one hides a word they need (a status, a menu entry, a tab). */
const MUST_BE_WHOLE = [
  'header nav a', 'nav[aria-label] a', '[role="menuitem"]', '[role="tab"]', '.mantine-Badge-root', '.mantine-Badge-label',
  '.mantine-SegmentedControl-label', '.mantine-Stepper-stepLabel', 'button', '.mantine-Button-label', 'th',
].join(', ');

/** The ways `page`, at its current viewport, does not fit: an empty list when it fits. */
export function widthOffences(page: Page): Promise<string[]> {
  return page.evaluate((mustBeWhole) => {
    const offences: string[] = [];
    const viewport = window.innerWidth;
    const describe = (el: Element) => {
      const cls = [...el.classList].filter((c) => !/^m_[0-9a-f]+$/.test(c)).slice(0, 2).map((c) => `.${c}`).join('');
      const named = el.getAttribute('aria-label') ?? el.getAttribute('data-testid');
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
      return `<${el.tagName.toLowerCase()}${cls}${named ? ` "${named}"` : ''}>${text ? ` «${text}»` : ''}`;
    };
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
    };
    /** A box that hides what sticks out of it sideways (overflow other than visible), up to the document. */
    const clips = (el: Element) => el !== document.documentElement && el !== document.body && getComputedStyle(el).overflowX !== 'visible';
    /**
     * The clipping boxes that hold `el`, innermost first. An absolutely positioned element escapes the boxes
     * between it and its containing block (the nearest positioned ancestor): a visually hidden label in a
     * table that scrolls in its region still widens the page when the region is not positioned.
     */
    const holders = (el: Element) => {
      const found: Element[] = [];
      let escaping = getComputedStyle(el).position === 'absolute';
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const position = getComputedStyle(a).position;
        if (escaping && position === 'static') continue;
        escaping = position === 'absolute';
        if (clips(a)) found.push(a);
      }
      return found;
    };

    // 1. The page itself: as wide as the window, body included.
    const doc = document.documentElement.scrollWidth;
    const body = document.body.scrollWidth;
    if (doc > viewport) offences.push(`the page is ${doc} px wide in a ${viewport} px window`);
    if (body > viewport) offences.push(`the body is ${body} px wide in a ${viewport} px window`);
    if (doc > viewport || body > viewport) {
      // What sticks out past the right edge, held by no clipping box: the outermost such elements (what grew too
      // wide) and the innermost (the content that made it), a handful of each.
      const out = new Set<Element>();
      for (const el of document.body.querySelectorAll('*')) {
        // A fixed element never widens the page; a visually hidden one (1 px) does, so it is not skipped as unseen.
        if (el.getBoundingClientRect().right <= viewport + 1 || getComputedStyle(el).position === 'fixed' || !el.checkVisibility()) continue;
        if (holders(el).length === 0) out.add(el);
      }
      const at = (el: Element) => `${describe(el)} ends at ${Math.round(el.getBoundingClientRect().right)} px`;
      const outermost = [...out].filter((el) => !el.parentElement || !out.has(el.parentElement));
      const innermost = [...out].filter((el) => ![...el.children].some((c) => out.has(c)));
      offences.push(...outermost.slice(0, 3).map((el) => `  too wide: ${at(el)}`));
      offences.push(...innermost.filter((el) => !outermost.includes(el)).slice(0, 5).map((el) => `  sticking out: ${at(el)}`));
      // Text wider than its own box (a long unbroken string) widens the page without any box doing so.
      const spilling = [...document.body.querySelectorAll('*')].filter((el) => getComputedStyle(el).overflowX === 'visible'
        && el.clientWidth > 0 && el.getBoundingClientRect().left + el.scrollWidth > viewport + 1 && holders(el).length === 0
        && [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()));
      offences.push(...spilling.slice(0, 3).map((el) => `  text running out of its box (${el.clientWidth} of ${el.scrollWidth} px): ${describe(el)}`));
    }

    // 2. Text cut by an ellipsis or a line clamp.
    for (const el of document.body.querySelectorAll('*')) {
      // What a field holds is the person's own text, scrolled in the field, not cut.
      if (!visible(el) || el.matches('input, textarea, select')) continue;
      const s = getComputedStyle(el);
      if (s.textOverflow === 'ellipsis' && s.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1) {
        offences.push(`cut with an ellipsis (${el.clientWidth} of ${el.scrollWidth} px): ${describe(el)}`);
      } else if (s.webkitLineClamp && s.webkitLineClamp !== 'none' && el.scrollHeight > el.clientHeight + 1) {
        offences.push(`clamped to ${s.webkitLineClamp} line(s): ${describe(el)}`);
      } else if ((s.overflowX === 'hidden' || s.overflowX === 'clip') && el.clientWidth > 2 && el.scrollWidth > el.clientWidth + 1
        && [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())) {
        offences.push(`clipped (${el.clientWidth} of ${el.scrollWidth} px): ${describe(el)}`);
      }
    }

    // 3. What must be read whole, hidden in part behind the edge of a clipping or scrolling box (or the window).
    for (const el of document.querySelectorAll(mustBeWhole)) {
      if (!visible(el) || el.closest('[role="region"][tabindex="0"], [role="dialog"], [role="listbox"], .mantine-Tooltip-tooltip')) continue;
      const r = el.getBoundingClientRect();
      // Wholly left of the window: a drawer slid away (the phone's navigation while closed), not a cut entry.
      if (r.right <= 0) continue;
      if (r.left < -1 || r.right > viewport + 1) {
        offences.push(`outside the window (${Math.round(r.left)}…${Math.round(r.right)} px): ${describe(el)}`);
        continue;
      }
      const cut = holders(el).find((a) => {
        const box = a.getBoundingClientRect();
        return r.left < box.left - 1 || r.right > box.right + 1;
      });
      if (cut) offences.push(`cut by the edge of ${describe(cut).slice(0, 50)}…: ${describe(el)}`);
    }
    return [...new Set(offences)];
  }, MUST_BE_WHOLE);
}
