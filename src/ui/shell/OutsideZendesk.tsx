// Shown when the page is opened directly (not inside Zendesk): the SDK has nobody to talk to, so explain what
// this page is and how to see it working, in the browser's language.
import { useEffect, useState } from 'react';
import { Alert } from '@zendeskgarden/react-notifications';
import { loadI18n, type I18n } from '../logic/i18n.ts';
import { withGardenTheme } from './GardenTheme.tsx';

export function OutsideZendesk(): JSX.Element {
  const [i18n, setI18n] = useState<I18n | null>(null);
  useEffect(() => {
    let live = true;
    void loadI18n(typeof navigator === 'undefined' ? null : navigator.language).then((v) => live && setI18n(v));
    return () => {
      live = false;
    };
  }, []);
  // The page's colours (and so Garden's theme) follow the `colorScheme` in the URL (main.tsx).
  return <div style={{ padding: 12 }}>{i18n ? <OutsideZendeskMessage i18n={i18n} /> : null}</div>;
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

/** Lazy-loaded: Garden's theme comes with it (GardenTheme.tsx). */
export default withGardenTheme(OutsideZendesk);
