// Bad settings: one alert naming each setting at fault (by its label in the admin page) and what is wrong; the
// panel goes on with the defaults for those settings.
import { useDeferredStrings } from '../hooks/useDeferredStrings.ts';
import { formatMessage } from '../../core/types/message.ts';
import { Alert } from '@zendeskgarden/react-notifications';
import { UnorderedList } from '@zendeskgarden/react-typography';
import type { SettingProblem } from '../../core/settings.ts';
import type { Translate } from '../logic/i18n.ts';
import { withGardenTheme } from '../shell/GardenTheme.tsx';
// This part's strings are among the late ones (translations' ui subtrees loaded with it).
import '../logic/late-i18n.ts';

export function settingLabel(t: Translate, setting: string): string {
  const key = `ui.settings_alert.labels.${setting}`;
  const label = t(key);
  return label === key ? setting : label;
}

export function SettingsAlert(props: { t: Translate; problems: readonly SettingProblem[] }): JSX.Element | null {
  const { t, problems } = props;
  // What is wrong is worded by `deferred` strings (hooks/useDeferredStrings.ts): the alert waits for them.
  const strings = useDeferredStrings(t);
  if (problems.length === 0 || !strings) return null;
  return (
    <Alert type="warning" data-testid="settings-alert" role="alert">
      <Alert.Title>{t('ui.settings_alert.title', { count: problems.length })}</Alert.Title>
      <UnorderedList>
        {problems.map((p, i) => (
          <UnorderedList.Item key={`${p.setting}-${i}`}>
            {t('ui.settings_alert.problem', { label: settingLabel(t, p.setting), setting: p.setting, message: formatMessage(p.message, strings) })}
          </UnorderedList.Item>
        ))}
      </UnorderedList>
      <Alert.Paragraph>{t('ui.settings_alert.next')}</Alert.Paragraph>
    </Alert>
  );
}

/** Lazy-loaded: Garden's theme comes with it (GardenTheme.tsx). */
export default withGardenTheme(SettingsAlert);
