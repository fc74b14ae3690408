// The conversation with engineering under a linked issue's card: what is new since this agent last looked
// (comments and state changes, newest first, with a count), whether or not the sync action is installed, and a reply
// from the sidebar, shown as GitHub will render it before it is posted, posted once.
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { Anchor, Button } from '@zendeskgarden/react-buttons';
import { Checkbox, Field, Textarea } from '@zendeskgarden/react-forms';
import { Tag } from '@zendeskgarden/react-tags';
import { SM } from '@zendeskgarden/react-typography';
import { composeReply, type News } from '../../core/conversation.ts';
import type { TicketLink } from '../../core/links.ts';
import type { Settings } from '../../core/settings.ts';
import type { LinkedIssueState } from '../../core/types/filing.ts';
import type { TicketLocation, TicketModel } from '../../core/types/ticket.ts';
import type { AgentError } from '../../errors/agent-error.ts';
import { toAgentError } from '../../errors/to-agent-error.ts';
import type { FlowsSource } from '../../flows/flows.ts';
import type { Translate } from '../logic/i18n.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { relativeTime } from './IssueCard.tsx';

const IssueMarkdown = lazy(() => import('./IssueMarkdown.tsx'));

type NewsState = { state: 'loading' } | { state: 'ready'; news: News } | { state: 'failed'; error: AgentError };
type PostState = { state: 'idle' } | { state: 'posting' } | { state: 'posted'; url: string } | { state: 'failed'; error: AgentError };

/** The customer's latest words, for the reply's optional quote (the ticket's, unmasked: composeReply masks). */
function latestCustomerWords(model: TicketModel): string | null {
  for (let i = model.messages.length - 1; i >= 0; i--) {
    const m = model.messages[i]!;
    if (m.authorRole === 'customer' && m.text.trim() !== '') return m.text;
  }
  return null;
}

export function Conversation(props: {
  t: Translate;
  lt: Translate;
  locale: string;
  session: FlowsSource;
  settings: Settings;
  location: TicketLocation;
  model: TicketModel;
  link: TicketLink;
  /** The issue's live state, once the card has it. */
  state: LinkedIssueState | null;
}): JSX.Element | null {
  const { t, lt, session, settings, location, link, state } = props;
  const name = `${link.owner}/${link.repo}#${link.number}`;
  const [news, setNews] = useState<NewsState>({ state: 'loading' });
  const read = useRef(false);

  // Once per visit: what changed since the last look, then this look is remembered for the next visit.
  useEffect(() => {
    if (!state || read.current) return undefined;
    read.current = true;
    let live = true;
    void (async () => {
      try {
        const flows = await session.flows();
        const seen = flows.conversation.seen(location, link);
        const found = await flows.conversation.news(flows.github(settings), link, state, seen);
        flows.conversation.markSeen(location, link, state.state, new Date(), state.comments);
        if (live) setNews({ state: 'ready', news: found });
      } catch (e) {
        if (live) setNews({ state: 'failed', error: toAgentError(e) });
      }
    })();
    return () => {
      live = false;
    };
  }, [state, session, settings, location, link]);

  const [writing, setWriting] = useState(false);
  const [text, setText] = useState('');
  const [quote, setQuote] = useState(false);
  const [previewing, setPreviewing] = useState(false);
  const [post, setPost] = useState<PostState>({ state: 'idle' });
  const customer = useMemo(() => latestCustomerWords(props.model), [props.model]);
  const body = useMemo(() => composeReply(text, quote ? customer : null, location), [text, quote, customer, location]);
  const send = async () => {
    if (post.state === 'posting') return;
    setPost({ state: 'posting' });
    try {
      const flows = await session.flows();
      const posted = await flows.conversation.reply({ github: flows.github(settings), location, issue: link, body });
      setPost({ state: 'posted', url: posted.url });
      setWriting(false);
      setText('');
      setPreviewing(false);
    } catch (e) {
      setPost({ state: 'failed', error: toAgentError(e) });
    }
  };

  const items = news.state === 'ready' ? news.news.items : [];
  return (
    <div data-testid="conversation" data-issue={link.number}>
      {news.state === 'ready' && items.length > 0 ? (
        <section aria-labelledby={`engage-news-${link.number}`} data-testid="news">
          <SM isBold id={`engage-news-${link.number}`}>
            {lt('news_title')}{' '}
            <Tag size="small" hue="blue" data-testid="news-count" data-count={news.news.unread}>
              {lt('news_count', { count: news.news.unread })}
            </Tag>
          </SM>
          <ul className="e-list">
            {items.map((item) => (
              <li key={item.kind === 'comment' ? `c${item.id}` : `${item.kind}${item.at}`} data-testid="news-item" data-kind={item.kind}>
                {item.kind === 'comment' ? (
                  <>
                    <SM>
                      <Anchor href={item.url} target="_blank" rel="noopener noreferrer" isExternal>
                        {lt('news_comment', { author: item.author, when: relativeTime(item.at, props.locale, Date.now()) })}
                      </Anchor>{' '}
                      {item.fromEngage ? lt('news_yours') : null}
                    </SM>
                    <SM className="e-subtle">{item.text}</SM>
                  </>
                ) : (
                  <SM>{lt(item.kind === 'closed' ? 'news_closed' : 'news_reopened', { when: relativeTime(item.at, props.locale, Date.now()) })}</SM>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {news.state === 'failed' ? <ErrorAlert t={t} error={news.error} data-testid="news-error" /> : null}
      {post.state === 'posted' ? (
        <SM role="status" data-testid="reply-posted">
          <Anchor href={post.url} target="_blank" rel="noopener noreferrer" isExternal>
            {lt('reply_posted', { name })}
          </Anchor>
        </SM>
      ) : null}
      {writing ? (
        <div data-testid="reply-form">
          {previewing ? (
            <div>
              <SM isBold>{lt('reply_preview_title')}</SM>
              <Suspense fallback={<SM>{t('ui.loading')}</SM>}>
                <IssueMarkdown source={body} label={lt('reply_preview_title')} testId="reply-preview" />
              </Suspense>
            </div>
          ) : (
            <>
              <Field>
                <Field.Label>{lt('reply_label', { name })}</Field.Label>
                <Field.Hint>{lt('reply_hint')}</Field.Hint>
                <Textarea isCompact minRows={3} value={text} onChange={(e) => setText(e.target.value)} autoFocus data-testid="reply-text" />
              </Field>
              {customer ? (
                <Field>
                  <Checkbox isCompact checked={quote} onChange={(e) => setQuote(e.target.checked)} data-testid="reply-quote">
                    <Field.Label isRegular>{lt('reply_quote')}</Field.Label>
                  </Checkbox>
                </Field>
              ) : null}
            </>
          )}
          {post.state === 'failed' ? <ErrorAlert t={t} error={post.error} data-testid="reply-error" /> : null}
          <div className="e-row">
            {previewing ? (
              <>
                <Button size="small" isPrimary disabled={post.state === 'posting'} onClick={() => void send()} data-testid="reply-post">
                  {post.state === 'posting' ? lt('reply_posting') : lt('reply_post', { name })}
                </Button>
                <Button size="small" isBasic onClick={() => setPreviewing(false)} data-testid="reply-edit">
                  {lt('reply_edit')}
                </Button>
              </>
            ) : (
              <>
                {/* Previewed first: what engineering will read, as GitHub renders it. */}
                <Button size="small" disabled={text.trim() === ''} onClick={() => setPreviewing(true)} data-testid="reply-preview-button">
                  {lt('reply_preview')}
                </Button>
                <Button size="small" isBasic onClick={() => setWriting(false)} data-testid="reply-cancel">
                  {lt('reply_cancel')}
                </Button>
              </>
            )}
          </div>
        </div>
      ) : (
        <Button size="small" isBasic onClick={() => setWriting(true)} data-testid="reply-button">
          {lt('reply')}
        </Button>
      )}
    </div>
  );
}
