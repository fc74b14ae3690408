// One piece of evidence in context: where it was found, and the text around it with the matched words marked.
// All text is rendered as React text (escaped): customer HTML shows as the characters it is made of.
import styled from 'styled-components';
import { getColor } from '@zendeskgarden/react-theming';
import { SM } from '@zendeskgarden/react-typography';
import type { TicketModel } from '../../core/types/ticket.ts';
import type { EvidenceSnippet } from '../logic/evidence.ts';
import type { Translate } from '../logic/i18n.ts';

const Quote = styled(SM)`
  margin: 2px 0;
  padding-left: 8px;
  border-left: 2px solid ${({ theme }) => getColor({ theme, variable: 'border.default' })};
  color: ${({ theme }) => getColor({ theme, variable: 'foreground.subtle' })};
`;

const Mark = styled.mark`
  background-color: ${({ theme }) => getColor({ theme, variable: 'background.warning' })};
  color: ${({ theme }) => getColor({ theme, variable: 'foreground.default' })};
  font-weight: ${({ theme }) => theme.fontWeights.semibold};
  border-radius: 2px;
`;

export function snippetSource(t: Translate, snippet: EvidenceSnippet, model: TicketModel): string {
  const message = snippet.messageIndex === undefined ? undefined : model.messages[snippet.messageIndex];
  const who = message ? message.authorName : '';
  return t(`ui.evidence.field.${snippet.field}`, { who });
}

export function Snippet(props: { t: Translate; snippet: EvidenceSnippet; model: TicketModel }): JSX.Element {
  const { t, snippet, model } = props;
  return (
    <Quote as="div" data-testid="evidence-snippet">
      <span>{snippetSource(t, snippet, model)}: </span>
      {snippet.segments.map((s, i) => (s.match ? <Mark key={i}>{s.text}</Mark> : <span key={i}>{s.text}</span>))}
    </Quote>
  );
}
