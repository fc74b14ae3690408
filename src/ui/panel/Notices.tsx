// The notices at the top of the ticket panel, under the ticket's header and above the first view: what blocks filing
// (the token, the tracker's access), a lost write-back with the one click that finishes it, and bad settings.
// A lazy module whose GitHub questions start once the first view has painted and the page is idle
// (hooks/useOpening.ts), so the first view never waits for it. Agents read one line per notice; admins (Zendesk's
// `currentUser.role`) also get the details and the setting to fix.
import { useContext, useEffect, useMemo, useState } from 'react';
import { Alert } from '@zendeskgarden/react-notifications';
import type { SettingProblem } from '../../core/settings.ts';
import { AppContext, type AppState } from '../hooks/context.ts';
import { useOpening } from '../hooks/useOpening.ts';
import { blockerOf, seesAdminDetails } from '../logic/blocker.ts';
import type { Translate } from '../logic/i18n.ts';
import { loadNoticeStrings } from '../logic/notices-i18n.ts';
import { withGardenTheme } from '../shell/GardenTheme.tsx';
import { BlockerNotice } from './BlockerNotice.tsx';
import { LostLinkNotice } from './LostLinkNotice.tsx';
import { SettingsAlert, settingLabel } from './SettingsAlert.tsx';
import type { TicketViewProps } from './ticket-view.ts';

export interface NoticesProps {
  problems: readonly SettingProblem[];
  /** The ticket, once loaded and decided; null before (or when it failed: only the settings can be told then). */
  view: TicketViewProps | null;
  /** The ticket has its link (or this browser's record of one): nothing blocks it and nothing is lost. */
  linked: boolean;
  /** Told when a lost write-back was found: the form steps aside for it (it would file what exists). */
  onLost: (lost: boolean) => void;
}

/** An agent's one line about bad settings: which defaults are in force, and whom to tell. */
function SettingsLine(props: { t: Translate; n: Translate; problems: readonly SettingProblem[] }): JSX.Element {
  const { t, n } = props;
  const labels = [...new Set(props.problems.map((p) => settingLabel(t, p.setting)))].join(', ');
  return (
    <Alert type="warning" role="status" data-testid="settings-alert" data-view="agent">
      <Alert.Paragraph>{n('settings_line', { labels })}</Alert.Paragraph>
    </Alert>
  );
}

function Notices(props: NoticesProps): JSX.Element {
  const { problems, view, linked, onLost } = props;
  // The context itself rather than useApp: the entry's own hook module, imported from here, made the bundler move
  // React out of the entry into a chunk of its own (a larger first load).
  const { session, context, i18n } = useContext(AppContext) as AppState;
  const { t } = i18n;
  const shell = session.shell.peek();
  const admin = seesAdminDetails(shell.state === 'ready' ? shell.value.start.role : null);
  const location = useMemo(
    () => view?.location ?? { subdomain: context.account.subdomain, ticketId: context.ticketId ?? 0 },
    [view?.location, context.account.subdomain, context.ticketId],
  );
  const settings = view?.settings ?? null;
  const { access, lost } = useOpening({ session, settings, location, model: view?.model ?? null, linked });
  const blocker = settings && !linked ? blockerOf(access, settings.privateRepo, settings) : null;
  const found = !linked && view ? lost : null;
  useEffect(() => onLost(found !== null), [found, onLost]);
  // The notices' own strings come with them (see notices-i18n.ts); until then only the admin's alert can show.
  const [n, setN] = useState<Translate | null>(null);
  useEffect(() => {
    let live = true;
    void loadNoticeStrings(i18n.locale).then((strings) => live && setN(() => strings));
    return () => {
      live = false;
    };
  }, [i18n.locale]);

  return (
    <>
      {blocker && n ? <BlockerNotice t={t} n={n} blocker={blocker} admin={admin} /> : null}
      {found && view && n ? <LostLinkNotice view={view} n={n} issue={found} /> : null}
      {problems.length === 0 ? null : admin ? (
        <SettingsAlert t={t} problems={problems} />
      ) : n ? (
        <SettingsLine t={t} n={n} problems={problems} />
      ) : null}
    </>
  );
}

/** Lazy-loaded: Garden's theme comes with it (GardenTheme.tsx). */
export default withGardenTheme(Notices);
