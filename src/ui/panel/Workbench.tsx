// Everything after the first view, loaded as its own chunk right after the first paint: the checklist, kind and
// tracker, the issue preview, filing and its outcome, and the hand-off. Decisions come from the core (compose*,
// gate); this component only moves data between them and the agent.
import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { Alert } from '@zendeskgarden/react-notifications';
import { withChecklist } from '../../core/classify.ts';
import { composeIssue } from '../../core/compose.ts';
import { composeHandoff } from '../../core/handoff.ts';
import { composeWriteBack } from '../../core/writeback.ts';
import type { Team } from '../../core/types/classification.ts';
import type { FilingDecisions, IssueRequest, LinkedIssue } from '../../core/types/filing.ts';
import type { RepoRef } from '../../core/settings.ts';
import type { Draft, DraftAction } from '../logic/draft.ts';
import { filingGate } from '../logic/gate.ts';
import { priorityLabelOf } from '../logic/labels.ts';
import { ChecklistSection, EscalateAnyway } from './Checklist.tsx';
import { KindTrackerSection } from './KindTracker.tsx';
import { IssuePreview } from './IssuePreview.tsx';
import { PostableHandoff } from './Handoff.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { FiledView } from './FiledView.tsx';
import { filedWithOf } from './IssueCard.tsx';
import { FileSection } from './FileSection.tsx';
import { TimelineFields } from './TimelineFields.tsx';
import { useAccessCheck, useFiling, type FilingState } from '../hooks/useFiling.ts';
import { useAddToIssue, useSimilar } from '../hooks/useLinking.ts';
import { useLinkStrings } from '../hooks/useLinkStrings.ts';
import { composeAddedComment } from '../../core/compose-added.ts';
import { trackerOf, type TicketLink } from '../../core/links.ts';
import { SimilarIssues } from './SimilarIssues.tsx';
import { withGardenTheme } from '../shell/GardenTheme.tsx';
import { errorMessage } from '../../core/guards.ts';
import type { TicketViewProps } from './ticket-view.ts';
// This part's strings are among the late ones (translations' ui subtrees loaded with it).
import '../logic/late-i18n.ts';

export interface WorkbenchProps extends TicketViewProps {
  team: Team;
  draft: Draft;
  dispatch: (a: DraftAction) => void;
  decisions: FilingDecisions;
  /** Called once the issue exists: the draft is cleared and the issue remembered for this ticket. */
  onFiled: (issue: LinkedIssue) => void;
  /** Told each stage of the filing: the overrides above stop taking changes once it starts. */
  onFilingStage: (stage: FilingState['state']) => void;
}

function Workbench(props: WorkbenchProps): JSX.Element | null {
  const { t, draft, dispatch, settings, teams, model, location, team, decisions, session } = props;
  const { client } = session;
  // The checklist hints are worked out here, after the first paint, rather than with the suggestion: the first
  // view does not show them, and their rules would weigh on the sidebar's first chunk.
  const classification = useMemo(
    () => withChecklist(model, settings, props.classification),
    [model, settings, props.classification],
  );
  const ctx = useMemo(() => ({ settings, teams, location, classification }), [settings, teams, location, classification]);
  const [previewOpen, setPreviewOpen] = useState(false);
  // With links already (the form reopened to file one more), the new issue joins the list above instead of taking
  // the form's place; the first filing keeps its card here.
  const { onFiled, onLinked, linked } = props;
  const toLink = useCallback((issue: LinkedIssue): TicketLink => ({ ...issue, tracker: trackerOf(issue, settings) }), [settings]);
  const filed = useCallback(
    (issue: LinkedIssue) => {
      onFiled(issue);
      if (linked?.length) onLinked?.(toLink(issue));
    },
    [onFiled, onLinked, linked, toLink],
  );
  const { filing, file, retryWriteBack, finishFollowUps } = useFiling(session, filed);
  const lt = useLinkStrings(props.locale);
  const searching = team.takesGithubIssues && (filing.state === 'idle' || filing.state === 'failed');
  const similar = useSimilar(session, searching ? { settings, teams, location, model, route: classification.route } : null);
  const added = useCallback(
    (issue: LinkedIssue) => {
      onFiled(issue);
      onLinked?.(toLink(issue));
    },
    [onFiled, onLinked, toLink],
  );
  const { add, addTo } = useAddToIssue(session, added);
  const onAdd = useCallback(
    (issue: LinkedIssue) => {
      // The comment is made for the issue's own tracker: a public issue gets no customer name and no label.
      const d = { ...decisions, tracker: trackerOf(issue, settings) };
      void addTo(() => ({
        client,
        settings,
        location,
        model,
        issue,
        comment: () => composeAddedComment(model, d, ctx),
        writeBack: (i: LinkedIssue) => composeWriteBack(model, d, i, ctx, 'added'),
      }));
    },
    [addTo, decisions, settings, client, location, model, ctx],
  );
  // A fresh draft has no ticks yet: the hints tick what the ticket answers, once, before anything is drawn (a
  // layout effect re-renders before the browser paints), so the agent never sees the list change under them.
  // Not after filing: the cleared draft must stay unsaved.
  useLayoutEffect(() => {
    if (!draft.hintsApplied && filing.state !== 'filed') dispatch({ type: 'hints', hints: classification.checklist });
  }, [draft.hintsApplied, filing.state, dispatch, classification]);
  const repo: RepoRef = draft.tracker === 'public' ? settings.publicRepo : settings.privateRepo;
  // Asked in the background once the form is up, so the agent is warned before filing; the click reuses the answer.
  const access = useAccessCheck({ session, settings, repo, enabled: team.takesGithubIssues && filing.state === 'idle' });

  // Once filing starts, the team and priority are in the issue: the overrides above stop taking changes.
  const { onFilingStage } = props;
  useEffect(() => {
    onFilingStage(filing.state);
  }, [filing.state, onFilingStage]);

  // Composing the whole body on every keystroke would be wasted work on long tickets: only when it is visible
  // (preview open, or the public tracker's redaction list), and from a deferred copy of the decisions.
  const deferred = useDeferredValue(decisions);
  const needRequest = team.takesGithubIssues && (previewOpen || draft.tracker === 'public');
  const composed = useMemo<{ request: IssueRequest | null; error: string | null }>(() => {
    if (!needRequest) return { request: null, error: null };
    try {
      return { request: composeIssue(model, deferred, ctx), error: null };
    } catch (e) {
      return { request: null, error: errorMessage(e) };
    }
  }, [needRequest, model, deferred, ctx]);
  const request = composed.request;

  const gate = filingGate(decisions, {
    requireChecklist: settings.requireChecklist,
    escalateAnyway: draft.escalateAnyway,
    escalateReason: draft.escalateReason,
  });

  const onFile = useCallback(() => {
    // Filing beside the ticket's links (a defect after a request for help): they are not this filing's issue.
    const exclude = (linked ?? []).filter((l) => l.tracker === decisions.tracker).map((l) => l.number);
    void file(() => ({
      client,
      settings,
      location,
      model,
      decisions,
      request: composeIssue(model, decisions, ctx),
      writeBack: (issue: LinkedIssue) => composeWriteBack(model, decisions, issue, ctx),
      ...(exclude.length ? { exclude } : {}),
    }));
  }, [file, client, settings, location, model, decisions, ctx, linked]);

  // First: once filed, the draft is cleared and `team` falls back to the suggestion, which may take no GitHub
  // issues; the filed issue must stay on screen all the same.
  if (filing.state === 'filed') {
    return (
      <FiledView
        t={t}
        locale={props.locale}
        session={session}
        settings={settings}
        filing={filing}
        filedWith={filedWithOf(filing.decisions, teams, settings)}
        handoffText={composeHandoff(model, filing.decisions, { ...ctx, issueUrl: filing.issue.url })}
        onFinishFollowUps={() => void finishFollowUps()}
        onRetryWriteBack={() =>
          void retryWriteBack({
            client,
            location,
            issue: filing.issue,
            writeBack: (issue) => composeWriteBack(model, filing.decisions, issue, ctx),
          })
        }
      />
    );
  }

  if (!draft.hintsApplied) return null; // for the one render before the hints are in (see above)

  if (!team.takesGithubIssues) {
    const handoff = composeHandoff(model, decisions, ctx);
    return (
      <>
        <Alert type="info" data-testid="non-engineering">
          {/* One line: the hand-off right below says the rest (where to post, whom to mention). */}
          <Alert.Title>{t('ui.handoff.non_engineering_title', { team: team.name })}</Alert.Title>
        </Alert>
        <PostableHandoff key={team.id} t={t} handoff={handoff} teamName={team.name} session={session} location={location} ticketTags={model.tags} />
        <TimelineFields t={t} draft={draft} dispatch={dispatch} />
      </>
    );
  }

  return (
    <>
      <ChecklistSection
        t={t}
        model={model}
        hints={classification.checklist}
        draft={draft}
        dispatch={dispatch}
        gate={gate}
        requireChecklist={settings.requireChecklist}
        priority={decisions.priority}
        priorityLabel={priorityLabelOf(settings, decisions.priority)}
      />
      {filing.state === 'failed' ? (
        // No Retry of its own: File below says "Try again" (with GitHub's wait, if it gave one): one button, one action.
        <ErrorAlert t={t} error={filing.error} data-testid="filing-error" />
      ) : null}
      <FileSection
        t={t}
        gate={gate}
        filing={filing}
        access={access}
        repo={repo}
        settings={settings}
        tracker={draft.tracker}
        onFile={onFile}
      />
      <SimilarIssues t={t} lt={lt} locale={props.locale} settings={settings} similar={similar} add={add} onAdd={onAdd} />
      {/* Below File: the way past a blocked File, where it goes (File's label names the tracker), what it files, and
          what the hand-off says. The decision comes first. */}
      <EscalateAnyway t={t} draft={draft} dispatch={dispatch} gate={gate} requireChecklist={settings.requireChecklist} />
      <KindTrackerSection t={t} draft={draft} dispatch={dispatch} settings={settings} request={request} />
      <IssuePreview t={t} request={request} error={composed.error} expanded={previewOpen} onToggle={setPreviewOpen} />
      <TimelineFields t={t} draft={draft} dispatch={dispatch} />
    </>
  );
}

/** Lazy-loaded: Garden's theme comes with it (GardenTheme.tsx). */
export default withGardenTheme(Workbench);

/** The lost write-back's pieces ride in this chunk, beside the composer they share (see lost-link-kit.ts). */
export * as lostLink from '../../core/lost-link.ts';
