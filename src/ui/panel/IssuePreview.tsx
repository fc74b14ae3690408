// The exact issue Engage will file (title, labels, body, follow-up comments), collapsed until the agent opens it.
// The body is shown as text in a scrolling box: it is Markdown source, and customer text in it must never render.
import styled from 'styled-components';
import { getColor } from '@zendeskgarden/react-theming';
import { Accordion } from '@zendeskgarden/react-accordions';
import { SM } from '@zendeskgarden/react-typography';
import { Tag } from '@zendeskgarden/react-tags';
import type { IssueRequest } from '../../core/types/filing.ts';
import type { Translate } from '../logic/i18n.ts';

const Body = styled.pre`
  margin: 4px 0 0;
  max-height: 320px;
  overflow: auto;
  white-space: pre-wrap;
  overflow-wrap: anywhere;
  font-family: ${({ theme }) => theme.fonts.mono};
  font-size: ${({ theme }) => theme.fontSizes.sm};
  padding: 8px;
  border-radius: ${({ theme }) => theme.borderRadii.md};
  background-color: ${({ theme }) => getColor({ theme, variable: 'background.subtle' })};
  &:focus-visible {
    outline: 2px solid ${({ theme }) => getColor({ theme, variable: 'border.primaryEmphasis' })};
  }
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
                <Body data-testid="preview-body" tabIndex={0} role="region" aria-label={t('ui.preview.body')}>
                  {request.body}
                </Body>
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
