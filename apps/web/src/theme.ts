// A calm, government-grade look: one deep blue, system fonts, small radii, and text colours that keep
// WCAG 2.1 AA contrast (Mantine's default "dimmed" grey is too light on white).
import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

const gov: MantineColorsTuple = [
  '#eaf1fb', '#d3e0f3', '#a6c0e6', '#769ed9', '#4f82ce', '#3670c8', '#2a62b4', '#1f4f94', '#174179', '#0e3261',
];

export const theme = createTheme({
  primaryColor: 'gov',
  primaryShade: 7,
  colors: { gov },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '700' },
  defaultRadius: 'sm',
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    Anchor: { defaultProps: { underline: 'always' } },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7],
    '--mantine-color-placeholder': t.colors.gray[6],
    '--mantine-color-anchor': t.colors.gov[7],
  },
  dark: {},
});
