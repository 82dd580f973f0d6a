// A calm, government-grade look: one deep blue, system fonts, small radii, and text colours that keep
// WCAG 2.1 AA contrast (Mantine's default "dimmed" grey is too light on white).
import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';
import type { Lang } from '@konkurs/shared';

const gov: MantineColorsTuple = [
  '#eaf1fb', '#d3e0f3', '#a6c0e6', '#769ed9', '#4f82ce', '#3670c8', '#2a62b4', '#1f4f94', '#174179', '#0e3261',
];

// Mantine's own greens and oranges, with the darkest shade deepened so that status text passes 4.5:1.
const green: MantineColorsTuple = ['#ebfbee', '#d3f9d8', '#b2f2bb', '#8ce99a', '#69db7c', '#51cf66', '#40c057', '#37b24d', '#2f9e44', '#237032'];
const orange: MantineColorsTuple = ['#fff4e6', '#ffe8cc', '#ffd8a8', '#ffc078', '#ffa94d', '#ff922b', '#fd7e14', '#f76707', '#e8590c', '#b03d0b'];

export const themeFor = (lang: Lang) => createTheme({
  primaryColor: 'gov',
  primaryShade: 7,
  colors: { gov, green, orange },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '700' },
  defaultRadius: 'sm',
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    Anchor: { defaultProps: { underline: 'always' } },
    // Mantine's close buttons have no text: give them a name (WCAG 4.1.2).
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': lang === 'en' ? 'Close' : 'Закрыть' } } },
    Drawer: { defaultProps: { closeButtonProps: { 'aria-label': lang === 'en' ? 'Close' : 'Закрыть' } } },
    // A status or a chosen value is never cut to "При…" (issue 9, item 7): badges and pills keep their width in a
    // row that runs short (the neighbours wrap instead) and, when the row is narrower than they are, wrap their
    // words onto a second line rather than ending in an ellipsis.
    Badge: {
      styles: {
        root: { flexShrink: 0, maxWidth: '100%', height: 'auto', minHeight: 'var(--badge-height)', lineHeight: 1.3, paddingBlock: 1 },
        label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', overflowWrap: 'break-word' },
      },
    },
    Pill: {
      styles: {
        root: { height: 'auto', minHeight: 'var(--pill-height)', whiteSpace: 'normal', lineHeight: 1.25, paddingBlock: 2 },
        label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', overflowWrap: 'break-word' },
      },
    },
    // A button is never narrower than its label: in a squeezed table column or row its label was clipped ("Откр").
    Button: { styles: { root: { minWidth: 'fit-content' }, label: { overflow: 'visible' } } },
    // Segments wrap onto a second row on a phone instead of running past the screen's edge.
    SegmentedControl: {
      styles: { root: { flexWrap: 'wrap', maxWidth: '100%' }, label: { whiteSpace: 'normal', textOverflow: 'clip' } },
    },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7],
    '--mantine-color-placeholder': t.colors.gray[6],
    '--mantine-color-anchor': t.colors.gov[7],
    '--mantine-color-error': t.colors.red[9],
  },
  dark: {},
});
