import { createTheme, darken, DEFAULT_THEME, luminance, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

// Japanese first on every platform: macOS/iOS (Hiragino), Windows (Yu Gothic UI, Meiryo), Android/ChromeOS and Linux
// (Noto Sans CJK JP, as Debian's fonts-noto-cjk names it, and Noto Sans JP), then the Latin system fonts.
const fontFamily = [
  '"Hiragino Sans"',
  '"Hiragino Kaku Gothic ProN"',
  '"Yu Gothic UI"',
  '"Yu Gothic"',
  'Meiryo',
  '"Noto Sans CJK JP"',
  '"Noto Sans JP"',
  '"Source Han Sans JP"',
  '"IPAexGothic"',
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  'Roboto',
  'sans-serif',
].join(', ');

// One calm palette for the whole product: a deep indigo primary, neutral greys.
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 7, dark: 5 },
  defaultRadius: 'md',
  fontFamily,
  headings: { fontWeight: '700', fontFamily },
  focusRing: 'auto',
});

const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
};

/** The lightest shade of a colour (7, 8, 9, then 9 darkened) that reads at WCAG AA (4.5:1) against `other`. */
function firstReadable(shades: MantineColorsTuple, other: string) {
  const darkest = darken(shades[9], 0.3);
  return [shades[7], shades[8], shades[9], darken(shades[9], 0.15)].find((c) => contrast(c, other) >= 4.6) ?? darkest;
}

// Badges, light buttons, outlines and coloured text use "<colour>-light-color" and "<colour>-outline", shade 6 or 7 by default:
// 2.3:1 for teal and orange on their tint, under AA; filled ones put white on shade 7 (3:1 for teal). Each colour gets
// its first readable shade instead.
const readable = Object.fromEntries(
  Object.entries(DEFAULT_THEME.colors)
    .filter(([name]) => name !== 'dark')
    .flatMap(([name, shades]) => {
      const tuple = shades as MantineColorsTuple;
      // Text on the light variant's background (shade 1: indigo.1 is #dbe4ff, as the browser reports it); white text on filled.
      const [text, filled] = [firstReadable(tuple, tuple[1]), firstReadable(tuple, '#ffffff')];
      return [
        [`--mantine-color-${name}-light-color`, text],
        [`--mantine-color-${name}-outline`, text],
        [`--mantine-color-${name}-text`, text],
        [`--mantine-color-${name}-filled`, filled],
        [`--mantine-color-${name}-filled-hover`, darken(filled, 0.12)],
      ];
    }),
);

// Mantine's "dimmed" grey (gray.6) is about 3.3:1 on white, under WCAG AA for body text; gray.7 is about 7.4:1.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)', ...readable },
  dark: {},
});
