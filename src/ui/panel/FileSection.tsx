// The File button and what stands beside it: the access warning before filing (its short reason only when the notice
// at the top of the panel tells the rest), the filing step while it runs, and the one plain reason when it is
// disabled (or, for an outage filed at once, what is still being gathered).
import { Button } from '@zendeskgarden/react-buttons';
import { Dots } from '@zendeskgarden/react-loaders';
import { Alert } from '@zendeskgarden/react-notifications';
import { SM } from '@zendeskgarden/react-typography';
import type { RepoRef, Settings } from '../../core/settings.ts';
import type { Tracker } from '../../core/types/filing.ts';
import type { AccessState, FilingState } from '../hooks/useFiling.ts';
import { noticeCovers } from '../logic/blocker.ts';
import { gateReason, gatheringNote, type Gate } from '../logic/gate.ts';
import type { Translate } from '../logic/i18n.ts';
import { errorStrings, useRetryWait } from './ErrorAlert.tsx';
import { Section } from './layout.tsx';
// This part's strings are among the late ones (translations' ui subtrees loaded with it).
import '../logic/late-i18n.ts';

export function FileSection(props: {
  t: Translate;
  gate: Gate;
  filing: FilingState;
  access: AccessState;
  repo: RepoRef;
  settings: Settings;
  tracker: Tracker;
  onFile: () => void;
}): JSX.Element {
  const { t, gate, filing, access, repo, settings } = props;
  const filingNow = filing.state === 'filing';
  // After a failure File is the one retry (the error above it has no button of its own), waiting out GitHub's
  // Retry-After when it gave one.
  const wait = useRetryWait(filing.state === 'failed' ? filing.error : null);
  const blocked = !gate.open || filingNow || wait > 0;
  const tracker = props.tracker === 'public' ? settings.publicRepo : settings.privateRepo;
  const gathering = filing.state === 'idle' ? gatheringNote(t, gate) : '';
  return (
    <Section>
      {filing.state === 'idle' ? <AccessWarning t={t} access={access} repo={repo} settings={settings} /> : null}
      <Button
        isPrimary
        isStretched
        disabled={blocked}
        aria-disabled={blocked}
        aria-busy={filingNow}
        aria-describedby={describedBy(gate.open, filing.state === 'idle' && warns(access), gathering !== '')}
        onClick={props.onFile}
        data-testid="file-button"
        data-state={filing.state}
      >
        {filing.state === 'filing' ? (
          <>
            <Dots delayMS={0} aria-hidden="true" style={{ marginRight: 8 }} />
            {t(filing.step ? `ui.file.step.${filing.step}` : 'ui.file.filing')}
          </>
        ) : filing.state === 'failed' ? (
          wait > 0 ? t('ui.retry_in', { seconds: wait }) : t('ui.file.again', { repo: `${tracker.owner}/${tracker.repo}` })
        ) : (
          t('ui.file.button', { repo: `${tracker.owner}/${tracker.repo}` })
        )}
      </Button>
      {!gate.open ? (
        <SM id="engage-file-reason" data-testid="file-disabled-reason" role="status">
          {gateReason(t, gate)}
        </SM>
      ) : null}
      {gathering ? (
        <SM id="engage-file-gathering" data-testid="file-gathering">
          {gathering}
        </SM>
      ) : null}
    </Section>
  );
}
export function warns(access: AccessState): boolean {
  return access.state === 'no-push' || access.state === 'failed';
}

function describedBy(gateOpen: boolean, warning: boolean, gathering: boolean): string | undefined {
  const ids = [
    ...(gateOpen ? [] : ['engage-file-reason']),
    ...(gathering ? ['engage-file-gathering'] : []),
    ...(warning ? ['engage-access-warning'] : []),
  ];
  return ids.length ? ids.join(' ') : undefined;
}

/**
 * Before filing: the token cannot push to the tracker (GitHub would drop the labels, so the click refuses), or the
 * check itself failed. File stays enabled either way: the click checks again (a negative answer is never
 * remembered) and reports the outcome with its next step.
 */
function AccessWarning(props: { t: Translate; access: AccessState; repo: RepoRef; settings: Settings }): JSX.Element | null {
  const { t, access, repo, settings } = props;
  const name = `${repo.owner}/${repo.repo}`;
  // The notice at the top of the panel already says it, with the details for admins: here only the short reason.
  if (warns(access) && noticeCovers(repo, settings)) {
    const reason = access.state === 'failed' ? errorStrings(t, access.error).title : t('ui.access.no_push_title', { repo: name });
    return (
      <SM role="status" id="engage-access-warning" data-testid="access-warning" data-state={access.state}
        data-error-code={access.state === 'failed' ? access.error.code : undefined}
        data-short=""
        style={{ marginBottom: 8 }}>
        {reason}
      </SM>
    );
  }
  const isPublic = repo.owner === settings.publicRepo.owner && repo.repo === settings.publicRepo.repo;
  if (access.state === 'no-push') {
    const setting = isPublic ? 'public_repository' : 'private_repository';
    return (
      <Alert type="warning" role="status" id="engage-access-warning" data-testid="access-warning" data-state="no-push" style={{ marginBottom: 8 }}>
        <Alert.Title>{t('ui.access.no_push_title', { repo: name })}</Alert.Title>
        <Alert.Paragraph>{t('ui.access.no_push_message', { repo: name })}</Alert.Paragraph>
        <Alert.Paragraph>{t('ui.access.no_push_next', { repo: name, setting })}</Alert.Paragraph>
      </Alert>
    );
  }
  if (access.state === 'failed') {
    const s = errorStrings(t, access.error);
    return (
      <Alert
        type="warning"
        role="status"
        id="engage-access-warning"
        data-testid="access-warning"
        data-state="failed"
        data-error-code={access.error.code}
        style={{ marginBottom: 8 }}
      >
        <Alert.Title>{s.title}</Alert.Title>
        <Alert.Paragraph>{s.message}</Alert.Paragraph>
        <Alert.Paragraph>{t('ui.access.check_failed_next')}</Alert.Paragraph>
      </Alert>
    );
  }
  return null;
}
