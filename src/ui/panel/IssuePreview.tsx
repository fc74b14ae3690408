// The exact issue Engage will file (title, labels, body, follow-up comments), collapsed until the agent opens it.
// The body is shown as GitHub will render it (IssueMarkdown.tsx, loaded when the preview first opens), flowing in
// the panel; "Show Markdown source" shows the exact text that is sent. Until the renderer has loaded, the source.
// Below it, the credentials that were masked (MaskedList.tsx), so the agent knows before filing.
import { lazy, Suspense, useState } from 'react';
import styled from 'styled-components';
import { ToggleButton } from '@zendeskgarden/react-buttons';
import { getColor } from '@zendeskgarden/react-theming';
import { Accordion } from '@zendeskgarden/react-accordions';
import { SM } from '@zendeskgarden/react-typography';
import { Tag } from '@zendeskgarden/react-tags';
import type { IssueRequest } from '../../core/types/filing.ts';
import type { Translate } from '../logic/i18n.ts';
import { MaskedList } from './MaskedList.tsx';
// This part's strings are among the late ones (translations' ui subtrees loaded with it).
import '../logic/late-i18n.ts';

// Its own chunk, fetched when the preview is first opened: the Markdown parser stays out of the first view.
const IssueMarkdown = lazy(() => import('./IssueMarkdown.tsx'));

const Source = styled.pre`
  margin: 4px 0 0;
  white-space: pre-wrap;
  overflow-wrap: anywhere;
  font-family: ${({ theme }) => theme.fonts.mono};
  font-size: ${({ theme }) => theme.fontSizes.sm};
  padding: 8px;
  border-radius: ${({ theme }) => theme.borderRadii.md};
  background-color: ${({ theme }) => getColor({ theme, variable: 'background.subtle' })};
`;

const Labels = styled.div`
  display: flex;
  flex-wrap: wrap;
  gap: 4px;
`;

export function IssuePreview(props: {
  t: Translate;
  request: IssueRequest | null;
  /** Why the issue cannot be composed (a label too long for GitHub...), shown instead of the preview. */
  error?: string | null;
  expanded: boolean;
  onToggle: (expanded: boolean) => void;
}): JSX.Element {
  const { t, request } = props;
  const [showSource, setShowSource] = useState(false);
  const label = t('ui.preview.body');
  const source = (body: string): JSX.Element => (
    <Source data-testid="preview-body" data-view="source" role="region" aria-label={label}>
      {body}
    </Source>
  );
  return (
    <div data-testid="issue-preview" data-expanded={props.expanded ? 'true' : 'false'}>
      <Accordion
        level={2}
        isCompact
        isCollapsible
        expandedSections={props.expanded ? [0] : []}
        onChange={() => props.onToggle(!props.expanded)}
      >
        <Accordion.Section>
          <Accordion.Header>
            <Accordion.Label>{t('ui.preview.title')}</Accordion.Label>
          </Accordion.Header>
          <Accordion.Panel>
            {props.error ? <SM data-testid="preview-error">{t('ui.preview.error', { message: props.error })}</SM> : null}
            {request === null ? (
              props.error ? null : <SM>{t('ui.loading')}</SM>
            ) : (
              <>
                <SM>{t('ui.preview.repo', { repo: `${request.owner}/${request.repo}` })}</SM>
                <SM isBold data-testid="preview-title" style={{ marginTop: 4 }}>
                  {request.title}
                </SM>
                <Labels data-testid="preview-labels" role="group" aria-label={t('ui.preview.labels')}>
                  {request.labels.map((l) => (
                    <Tag key={l} size="small" data-label={l}>
                      {l}
                    </Tag>
                  ))}
                </Labels>
                {/* Only while open: a closed preview never fetches the renderer. */}
                {props.expanded ? (
                  showSource ? (
                    source(request.body)
                  ) : (
                    <Suspense fallback={source(request.body)}>
                      <IssueMarkdown source={request.body} label={label} testId="preview-body" />
                    </Suspense>
                  )
                ) : null}
                {props.expanded ? (
                  <div>
                    <ToggleButton size="small" isBasic isPressed={showSource} onClick={() => setShowSource(!showSource)} data-testid="preview-source-toggle">
                      {t('ui.preview.source')}
                    </ToggleButton>
                  </div>
                ) : null}
                {/* The public tracker lists its removals, secrets included, in its redaction preview. */}
                {request.redactions === undefined ? <MaskedList t={t} masked={request.masked ?? []} /> : null}
                {request.comments.length > 0 ? (
                  <SM>{t('ui.preview.comments', { count: request.comments.length })}</SM>
                ) : null}
              </>
            )}
          </Accordion.Panel>
        </Accordion.Section>
      </Accordion>
    </div>
  );
}
