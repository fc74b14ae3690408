import { Alert } from '@zendeskgarden/react-notifications';
import type { Translate } from '../logic/i18n.ts';
import { withGardenTheme } from './GardenTheme.tsx';
import { errorMessage } from '../../core/guards.ts';

/** Zendesk did not answer the start-up reads (context, metadata): say so, with the way out (reload). */
export function StartupError(props: { t: Translate; error: unknown }): JSX.Element {
  const { t } = props;
  const detail = props.error === undefined || props.error === null ? '' : errorMessage(props.error);
  return (
    <div style={{ padding: 12 }}>
      <Alert type="error" data-testid="startup-error">
        <Alert.Title>{t('ui.startup_failed.title')}</Alert.Title>
        <Alert.Paragraph>{t('ui.startup_failed.message')}</Alert.Paragraph>
        {detail ? <Alert.Paragraph>{detail}</Alert.Paragraph> : null}
      </Alert>
    </div>
  );
}

/** Lazy-loaded: Garden's theme comes with it (GardenTheme.tsx). */
export default withGardenTheme(StartupError);
