import { createTheme } from '@mantine/core';

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
