import { createTheme, type CSSVariablesResolver } from '@mantine/core';

// One calm palette for the whole product: a deep indigo primary, neutral greys, and system Japanese fonts.
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 7, dark: 5 },
  defaultRadius: 'md',
  fontFamily:
    '"Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans JP", "Yu Gothic UI", Meiryo, system-ui, -apple-system, "Segoe UI", sans-serif',
  headings: { fontWeight: '700' },
  focusRing: 'auto',
});

// Mantine's "dimmed" grey (gray.6) is about 3.3:1 on white, under WCAG AA for body text; gray.7 is about 8:1.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});
