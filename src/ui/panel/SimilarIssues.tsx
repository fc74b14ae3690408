// Before filing: the issues probably about the same problem (open first, recently closed marked), each with why it
// was picked and one click to add this ticket to it, and a field for an issue the agent knows by number or URL.
// Shown below File, so the decision and its action stay where the agent's eye starts; nothing is shown rather than
// noise, and a search GitHub refused (rate limit, lag) is one line, never a blocker.
import { useState, type FormEvent } from 'react';
import { Anchor, Button } from '@zendeskgarden/react-buttons';
import { Field, Input } from '@zendeskgarden/react-forms';
import { SM } from '@zendeskgarden/react-typography';
import { issueWebUrl, parseIssueUrl } from '../../core/links.ts';
import type { Settings } from '../../core/settings.ts';
import type { SimilarIssue } from '../../core/similar/rank.ts';
import type { LinkedIssue } from '../../core/types/filing.ts';
import type { AddState, SimilarState } from '../hooks/useLinking.ts';
import type { Translate } from '../logic/i18n.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { relativeTime } from './IssueCard.tsx';
import { Caption, Section } from './layout.tsx';
import { ScreenReaderOnly } from './ScreenReaderOnly.tsx';
// This part's strings are among the late ones (translations' ui subtrees loaded with it).
import '../logic/late-i18n.ts';

/** The issue an agent typed: a number in the private tracker, or an issue URL; null when it is neither. */
export function typedIssue(text: string, settings: Settings): LinkedIssue | null {
  const n = /^\s*#?(\d{1,9})\s*$/.exec(text);
  if (n) {
    const number = Number(n[1]);
    if (number < 1) return null;
    const { owner, repo } = settings.privateRepo;
    return { owner, repo, number, url: issueWebUrl(settings, settings.privateRepo, number) };
  }
  return parseIssueUrl(text);
}

function toLink(issue: SimilarIssue, settings: Settings): LinkedIssue {
  const [owner, repo] = (issue.repo ?? `${settings.privateRepo.owner}/${settings.privateRepo.repo}`).split('/') as [string, string];
  return { owner, repo, number: issue.number, url: issue.url };
}

export function SimilarIssues(props: {
  t: Translate;
  /** The `links` section's strings; null while they load. */
  lt: Translate | null;
  locale: string;
  settings: Settings;
  similar: SimilarState;
  add: AddState;
  onAdd: (issue: LinkedIssue) => void;
}): JSX.Element | null {
  const { t, lt, settings, similar, add } = props;
  const [typed, setTyped] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [typing, setTyping] = useState(false);
  if (!lt) return null;
  const busy = add.state === 'adding';
  const name = (i: LinkedIssue) => `${i.owner}/${i.repo}#${i.number}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const issue = typedIssue(typed, settings);
    setInvalid(issue === null);
    if (issue) props.onAdd(issue);
  };
  const issues = similar.state === 'ready' ? similar.issues : [];
  return (
    // Compact by design: nothing found is one line (the way to name an issue), never a box of "no results".
    <Section data-testid="similar-issues" data-state={similar.state} aria-busy={similar.state === 'loading'}>
      {issues.length > 0 ? (
        <Caption id="engage-similar-caption" isBold>
          {lt('similar_title')}
        </Caption>
      ) : null}
      <div role="status" aria-live="polite">
        {similar.state === 'loading' ? <ScreenReaderOnly>{lt('similar_loading')}</ScreenReaderOnly> : null}
        {similar.state === 'limited' ? <SM data-testid="similar-limited">{lt('similar_limited', { seconds: similar.seconds })}</SM> : null}
        {similar.state === 'failed' ? (
          <SM data-testid="similar-failed">{lt('similar_failed', { reason: t(`ui.errors.${similar.error.code}.title`, similar.error.params) })}</SM>
        ) : null}
      </div>
      {issues.length > 0 ? (
        <ul className="e-list" data-testid="similar-list" aria-labelledby="engage-similar-caption">
          {issues.map((issue) => {
            const link = toLink(issue, settings);
            const facts = [
              lt(issue.state === 'open' ? 'state_open' : 'state_closed'),
              issue.team,
              lt('customers', { count: issue.customers.length }),
              lt('active', { when: relativeTime(issue.lastActivity, props.locale, Date.now()) }),
            ].filter((x): x is string => !!x);
            return (
              <li key={`${link.owner}/${link.repo}#${issue.number}`} data-testid="similar-issue" data-number={issue.number} data-state={issue.state}>
                <Anchor href={issue.url} target="_blank" rel="noopener noreferrer" isExternal>
                  {`#${issue.number} ${issue.title}`}
                </Anchor>
                <SM>{facts.join(' · ')}</SM>
                {issue.why.length ? <SM className="e-subtle">{lt('why', { terms: issue.why.slice(0, 4).join(', ') })}</SM> : null}
                <Button
                  size="small"
                  disabled={busy}
                  onClick={() => props.onAdd(link)}
                  aria-label={lt('add_label', { name: name(link) })}
                  data-testid={`similar-add-${issue.number}`}
                >
                  {lt('add')}
                </Button>
              </li>
            );
          })}
        </ul>
      ) : null}
      {typing ? null : (
        <div>
          <button type="button" className="e-link" aria-expanded={false} onClick={() => setTyping(true)} data-testid="link-existing-toggle">
            {lt('existing_toggle')}
          </button>
        </div>
      )}
      {typing ? (
        <form onSubmit={submit} className="e-row" data-testid="link-existing">
          <Field>
            <Field.Label>{lt('existing_label')}</Field.Label>
            <Field.Hint>{lt('existing_hint', { repo: `${settings.privateRepo.owner}/${settings.privateRepo.repo}` })}</Field.Hint>
            <Input
              isCompact
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              validation={invalid ? 'error' : undefined}
              aria-invalid={invalid}
              // Opened by the agent's click on the line above, which then goes: the field takes the focus.
              autoFocus
              data-testid="link-existing-input"
            />
            {invalid ? <Field.Message validation="error">{lt('existing_invalid')}</Field.Message> : null}
          </Field>
          <Button type="submit" size="small" disabled={busy} data-testid="link-existing-button">
            {lt('existing_add')}
          </Button>
        </form>
      ) : null}
      <div role="status" aria-live="polite">
        {add.state === 'adding' ? <SM data-testid="link-adding">{lt('adding', { name: name(add.issue) })}</SM> : null}
      </div>
      {add.state === 'failed' ? (
        <ErrorAlert t={t} error={add.error} onRetry={() => props.onAdd(add.issue)} retryLabel={lt('try_again')} data-testid="link-error" />
      ) : null}
      {add.state === 'writeback-failed' ? (
        <>
          <SM data-testid="link-writeback-failed">{lt('add_writeback_failed', { name: name(add.issue) })}</SM>
          <ErrorAlert t={t} error={add.error} onRetry={() => props.onAdd(add.issue)} retryLabel={lt('try_again')} data-testid="link-error" />
        </>
      ) : null}
    </Section>
  );
}
