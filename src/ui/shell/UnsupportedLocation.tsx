import { Alert } from '@zendeskgarden/react-notifications';
import type { Translate } from '../logic/i18n.ts';
import { withGardenTheme } from './GardenTheme.tsx';

function UnsupportedLocation(props: { t: Translate; location: string }): JSX.Element {
  const { t } = props;
  return (
    <div style={{ padding: 12 }}>
      <Alert type="warning" data-testid="unsupported-location">
        <Alert.Title>{t('ui.unsupported_location.title')}</Alert.Title>
        <Alert.Paragraph>{t('ui.unsupported_location.message', { location: props.location })}</Alert.Paragraph>
      </Alert>
    </div>
  );
}

/** Lazy-loaded: Garden's theme comes with it (GardenTheme.tsx). */
export default withGardenTheme(UnsupportedLocation);
