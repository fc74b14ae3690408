// What blocks filing, said at the top of the panel before any click: one line for the agent, and for admins the
// details and the setting to fix behind a disclosure (a native <details>: keyboard and screen readers get it for free).
import { Alert } from '@zendeskgarden/react-notifications';
import type { Blocker } from '../logic/blocker.ts';
import type { Translate } from '../logic/i18n.ts';
import { errorStrings } from './ErrorAlert.tsx';
import { settingLabel } from './SettingsAlert.tsx';

function line(n: Translate, b: Blocker): string {
  switch (b.kind) {
    case 'token':
      return n('blocker.line_token');
    case 'no-push':
      return n('blocker.line_no_push', { repo: b.repo });
    case 'not-found':
      return n('blocker.line_not_found', { repo: b.repo });
    case 'check-failed':
      return n('blocker.line_failed', { repo: b.repo });
  }
}

/** What an admin reads: what GitHub said, then the fix with the setting's label in the admin page. */
function details(t: Translate, n: Translate, b: Blocker): string[] {
  switch (b.kind) {
    case 'token': {
      const p = { label: settingLabel(t, 'github_token'), setting: 'github_token' };
      return [n('blocker.detail_token', { ...p, message: String(b.error.params.message ?? '') }), n('blocker.fix_token', p)];
    }
    case 'no-push':
    case 'not-found': {
      const p = { repo: b.repo, label: settingLabel(t, b.setting), setting: b.setting };
      const what = b.kind === 'no-push' ? n('blocker.detail_no_push', p) : n('blocker.detail_not_found', { ...p, status: b.status });
      return [what, n('blocker.fix_repo', p)];
    }
    case 'check-failed': {
      const s = errorStrings(t, b.error);
      return [`${s.title}: ${s.message}`, s.next];
    }
  }
}

/** `t` the panel's strings, `n` the notices' (logic/notices-i18n.ts). */
export function BlockerNotice(props: { t: Translate; n: Translate; blocker: Blocker; admin: boolean }): JSX.Element {
  const { t, n, blocker, admin } = props;
  return (
    <Alert
      type={blocker.kind === 'check-failed' ? 'info' : 'warning'}
      role="status"
      id="engage-blocker"
      data-testid="blocker"
      data-kind={blocker.kind}
    >
      <Alert.Paragraph data-testid="blocker-line">{line(n, blocker)}</Alert.Paragraph>
      {admin ? (
        <details data-testid="blocker-details" style={{ marginTop: 4 }}>
          <summary style={{ cursor: 'pointer' }}>{n('blocker.details')}</summary>
          {details(t, n, blocker).map((text) => (
            <Alert.Paragraph key={text}>{text}</Alert.Paragraph>
          ))}
        </details>
      ) : null}
    </Alert>
  );
}
