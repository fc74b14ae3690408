// The Step-5 Slack message: where to post it (channel, handle), the text, and a Copy button. The message is shown
// in a read-only Garden textarea so the agent can also select it by hand. For CE & Sales and BizOps (no GitHub
// issue) the agent marks it as posted, which records the hand-off on the ticket; a ticket that carries one opens on
// it (RecordedHandoffPanel) instead of a blank form.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Field, Textarea } from '@zendeskgarden/react-forms';
import { Button } from '@zendeskgarden/react-buttons';
import { Tag } from '@zendeskgarden/react-tags';
import { Code, SM } from '@zendeskgarden/react-typography';
import { composeHandoffWriteBack, handoffTag, recordedHandoffs } from '../../core/handoff-record.ts';
import { HANDOFF_BLANK } from '../../core/sales-rep.ts';
import type { Handoff } from '../../core/types/filing.ts';
import type { TicketLocation } from '../../core/types/ticket.ts';
import type { FlowsSource } from '../../flows/flows.ts';
import type { Translate } from '../logic/i18n.ts';
import { useHandoffPost } from '../hooks/useHandoffPost.ts';
import { copyText, pageClipboard, selectAndCopy } from '../logic/copy.ts';
import { withGardenTheme } from '../shell/GardenTheme.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';
import { Caption, Section } from './layout.tsx';
import type { TicketViewProps } from './ticket-view.ts';
// This part's strings are among the late ones (translations' ui subtrees loaded with it).
import '../logic/late-i18n.ts';

type CopyState = 'idle' | 'copied' | 'failed';

export function HandoffBox(props: { t: Translate; handoff: Handoff; title?: string; actions?: ReactNode }): JSX.Element {
  const { t, handoff } = props;
  // The ticket named no CE / sales rep: the blank stays in the text (and is copied) until the agent replaces it.
  const blank = handoff.message.includes(HANDOFF_BLANK);
  const area = useRef<HTMLTextAreaElement>(null);
  const [copy, setCopy] = useState<CopyState>('idle');
  // "Copied" belongs to the text that was copied: a new message (another team, a rep typed in) starts over.
  useEffect(() => setCopy('idle'), [handoff.message]);
  const legacy = (): boolean => (area.current ? selectAndCopy(area.current, handoff.message) : false);
  const onCopy = async (): Promise<void> => {
    const copied = await copyText(handoff.message, pageClipboard(), legacy);
    // A failure leaves the message selected in its box, ready for Ctrl+C (the status says so).
    if (!copied && area.current) {
      area.current.focus();
      area.current.select();
    }
    setCopy(copied ? 'copied' : 'failed');
  };
  return (
    <Section aria-label={props.title ?? t('ui.handoff.title')} data-testid="handoff">
      <SM isBold>{props.title ?? t('ui.handoff.title')}</SM>
      <SM data-testid="handoff-channel">
        {t('ui.handoff.where_prefix')} <Code size="small">{handoff.channel}</Code> {t('ui.handoff.where_middle')}{' '}
        <Code size="small">{handoff.handle}</Code>
      </SM>
      <Field>
        <Field.Label hidden>{t('ui.handoff.message_label')}</Field.Label>
        <Textarea
          ref={area}
          readOnly
          isResizable
          minRows={6}
          maxRows={12}
          value={handoff.message}
          data-testid="handoff-message"
          isCompact
          {...(blank ? { validation: 'warning' as const, 'aria-describedby': 'engage-handoff-blank' } : {})}
        />
        {blank ? (
          <SM id="engage-handoff-blank" data-testid="handoff-blank">
            {t('ui.handoff.blank_prefix')} <Code size="small">{HANDOFF_BLANK}</Code> {t('ui.handoff.blank_suffix')}
          </SM>
        ) : null}
      </Field>
      <div>
        <Button size="small" onClick={() => void onCopy()} data-testid="handoff-copy" data-state={copy}>
          {copy === 'copied' ? t('ui.handoff.copied') : t('ui.handoff.copy')}
        </Button>
        {props.actions}
        <span role="status" aria-live="polite" style={{ marginLeft: 8 }}>
          {copy === 'failed' ? (
            <SM tag="span" data-testid="handoff-copy-failed">
              {t('ui.handoff.copy_failed')}
            </SM>
          ) : null}
        </span>
      </div>
    </Section>
  );
}

/**
 * The hand-off to a team that takes no GitHub issue, with "Mark as posted" beside Copy: one click records it on the
 * ticket (an internal note and the `engage_handoff_<team>` tag), once; a failure shows the usual alert with Retry.
 * Keyed by team where it is used, so a change of team starts over.
 */
export function PostableHandoff(props: {
  t: Translate;
  handoff: Handoff;
  teamName: string;
  session: FlowsSource;
  location: TicketLocation;
  /** The ticket's tags as loaded: a hand-off recorded earlier shows as posted. */
  ticketTags: readonly string[];
}): JSX.Element {
  const { t, handoff, teamName, location } = props;
  const tag = handoffTag(handoff.teamId);
  const { status, mark } = useHandoffPost(props.session, props.ticketTags.includes(tag));
  const onMark = (): void => {
    void mark(() => ({ location, tag, compose: (by) => composeHandoffWriteBack(handoff, teamName, by) }));
  };
  const posted = status.state === 'posted';
  const label = posted ? t('ui.handoff.posted') : status.state === 'posting' ? t('ui.handoff.marking') : t('ui.handoff.mark_posted');
  return (
    <>
      <HandoffBox
        t={t}
        handoff={handoff}
        actions={
          <Button
            size="small"
            style={{ marginLeft: 8 }}
            onClick={onMark}
            disabled={posted || status.state === 'posting'}
            data-testid="handoff-mark-posted"
            data-state={status.state}
          >
            {label}
          </Button>
        }
      />
      <SM role="status" aria-live="polite" data-testid="handoff-post-status" data-state={status.state}>
        {posted ? t('ui.handoff.posted_status', { tag }) : null}
      </SM>
      {status.state === 'failed' ? (
        <ErrorAlert t={t} error={status.error} onRetry={onMark} retryTestId="handoff-retry" data-testid="handoff-error" />
      ) : null}
    </>
  );
}

function when(iso: string, locale: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
  } catch {
    return new Date(ms).toISOString();
  }
}

/**
 * A ticket handed off earlier (it carries `engage_handoff_<team>`): to whom, where, by whom and when (from Engage's
 * note, when the ticket still has it), and, given `onFileToo`, the way to the form for an engineering issue as well.
 */
function RecordedHandoffs(props: TicketViewProps & { onFileToo?: () => void }): JSX.Element {
  const { t, teams } = props;
  const recorded = recordedHandoffs(props.model, teams);
  return (
    <>
      {recorded.map((r) => {
        const team = teams.find((x) => x.id === r.teamId);
        const captionId = `engage-handoff-recorded-${r.teamId}`;
        const channel = r.note?.channel ?? team?.slackChannel ?? '';
        return (
          <Section key={r.teamId} data-testid="handoff-recorded" data-team={r.teamId} aria-labelledby={captionId}>
            <Caption id={captionId} isBold>
              {t('ui.handoff.recorded_title', { team: team?.name ?? r.teamId })}
            </Caption>
            <div>
              <Tag hue="green" data-testid="handoff-recorded-state" data-state="posted">
                {t('ui.handoff.recorded_state')}
              </Tag>
            </div>
            {channel ? <SM>{t('ui.handoff.recorded_where', { channel })}</SM> : null}
            {r.note?.postedBy ? <SM data-testid="handoff-recorded-by">{t('ui.handoff.recorded_by', { name: r.note.postedBy })}</SM> : null}
            {r.note ? (
              <SM title={r.note.at}>{t('ui.handoff.recorded_at', { when: when(r.note.at, props.locale) })}</SM>
            ) : (
              <SM>{t('ui.handoff.recorded_no_note')}</SM>
            )}
          </Section>
        );
      })}
      {props.onFileToo ? (
        <Section>
          <SM>{t('ui.handoff.file_too_hint')}</SM>
          <div>
            <Button size="small" onClick={props.onFileToo} data-testid="handoff-file-too">
              {t('ui.handoff.file_too')}
            </Button>
          </div>
        </Section>
      ) : null}
    </>
  );
}

/** Lazy-loaded by the sidebar: Garden's theme comes with it (GardenTheme.tsx). */
export const RecordedHandoffPanel = withGardenTheme(RecordedHandoffs);
