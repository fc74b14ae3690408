// Shown when the page is opened directly (not inside Zendesk): the SDK has nobody to talk to, so explain what
// this page is and how to see it working, in the browser's language.
import { useEffect, useState } from 'react';
import { ThemeProvider } from '@zendeskgarden/react-theming';
import { Alert } from '@zendeskgarden/react-notifications';
import { GlobalStyle } from './GlobalStyle.ts';
import { loadI18n, type I18n } from './i18n.ts';
import { colorSchemeFromUrl, themeFor } from './theme.ts';

export function OutsideZendesk(): JSX.Element {
  const [i18n, setI18n] = useState<I18n | null>(null);
  useEffect(() => {
    let live = true;
    void loadI18n(typeof navigator === 'undefined' ? null : navigator.language).then((v) => live && setI18n(v));
    return () => {
      live = false;
    };
  }, []);
  const scheme = typeof window === 'undefined' ? null : colorSchemeFromUrl(window.location.href);
  return (
    <ThemeProvider theme={themeFor(scheme ?? 'light')}>
      <GlobalStyle />
      <div style={{ padding: 12 }}>
        {i18n ? <OutsideZendeskMessage i18n={i18n} /> : null}
      </div>
    </ThemeProvider>
  );
}

export function OutsideZendeskMessage(props: { i18n: I18n }): JSX.Element {
  const { t } = props.i18n;
  return (
    <Alert type="info" data-testid="outside-zendesk" role="status">
      <Alert.Title>{t('ui.outside_zendesk.title')}</Alert.Title>
      <Alert.Paragraph>{t('ui.outside_zendesk.message')}</Alert.Paragraph>
      <Alert.Paragraph>{t('ui.outside_zendesk.next')}</Alert.Paragraph>
    </Alert>
  );
}

export default OutsideZendesk;
