// Garden's theme around the parts of the panel that Garden draws. The first view is drawn by a static stylesheet
// (style/first-view.css) and the first chunk holds no Garden at all; every lazy module that renders Garden exports
// its component wrapped with `withGardenTheme`, so Garden, styled-components and the theme load with the first of
// them, after the suggestions have painted.
import { useContext, useMemo, type ComponentType, type ReactNode } from 'react';
import { ThemeContext } from 'styled-components';
import { DEFAULT_THEME, ThemeProvider, type IGardenTheme } from '@zendeskgarden/react-theming';
import { AppContext } from '../hooks/context.ts';
import type { ColorScheme } from '../logic/theme.ts';

export function themeFor(scheme: ColorScheme): IGardenTheme {
  return { ...DEFAULT_THEME, colors: { ...DEFAULT_THEME.colors, base: scheme } };
}

/** The scheme the page shows (theme.ts `applyColorScheme`), for trees outside the app's context. */
function pageScheme(): ColorScheme {
  return typeof document !== 'undefined' && document.documentElement.dataset['colorScheme'] === 'dark' ? 'dark' : 'light';
}

export function GardenTheme(props: { scheme?: ColorScheme; children: ReactNode }): JSX.Element {
  const app = useContext(AppContext);
  // Inside another Garden tree (a lazy module nested in another), its theme already applies.
  const outer = useContext(ThemeContext);
  const scheme = props.scheme ?? app?.colorScheme ?? pageScheme();
  const theme = useMemo(() => themeFor(scheme), [scheme]);
  if (outer && !props.scheme) return <>{props.children}</>;
  return <ThemeProvider theme={theme}>{props.children}</ThemeProvider>;
}

/** `Component` inside Garden's theme: what a lazy module that renders Garden exports as its default. */
export function withGardenTheme<P extends object>(Component: ComponentType<P>): ComponentType<P> {
  function Themed(props: P): JSX.Element {
    return (
      <GardenTheme>
        <Component {...props} />
      </GardenTheme>
    );
  }
  Themed.displayName = `WithGardenTheme(${Component.displayName ?? Component.name})`;
  return Themed;
}
