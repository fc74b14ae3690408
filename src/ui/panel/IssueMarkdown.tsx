// The issue body rendered as GitHub will show it. Loaded on its own (IssuePreview imports it lazily, when the agent
// opens the preview): the Markdown parser is about 40 kB gzipped, and the first view has no room for it.
//
// Why react-markdown + remark-gfm: they are the maintained unified/remark stack (the parser GitHub-flavoured
// Markdown is specified against: tables, autolinks, strikethrough), they build React elements (no HTML string, no
// dangerouslySetInnerHTML), and raw HTML in the source is shown as text unless a plugin (rehype-raw) is added,
// which this file does not do. On top of that:
// - links open in a new tab with `rel="noopener noreferrer"`; only http(s) and mailto URLs become links;
// - images are never loaded: a customer-supplied image URL fetched in the agent's browser would tell its owner who
//   read the ticket and when (a tracking beacon). The alt text is shown with a link to the image instead.
// Customer text is escaped by core/markdown.ts before it gets here, so this is the second line of defence.
import type { ReactNode } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import styled from 'styled-components';
import { getColor } from '@zendeskgarden/react-theming';

const SAFE_URL = /^(?:https?:\/\/|mailto:)/i;

/** Only absolute web and mail links; anything else (javascript:, data:, relative paths) renders as plain text. */
function safeUrl(url: string): string {
  return SAFE_URL.test(url.trim()) ? url.trim() : '';
}

function Link(props: { href?: string | undefined; children?: ReactNode }): JSX.Element {
  if (!props.href) return <span>{props.children}</span>;
  return (
    <a href={props.href} target="_blank" rel="noopener noreferrer">
      {props.children}
    </a>
  );
}

const COMPONENTS: Components = {
  a: ({ href, children }) => <Link href={href}>{children}</Link>,
  // The picture sign stands for "an image, not loaded" in any language (no string to add to the first load).
  img: ({ src, alt }) => {
    const href = typeof src === 'string' ? src : undefined;
    return <Link href={href}>{`🖼 ${alt?.trim() || href || ''}`}</Link>;
  },
};

const Rendered = styled.div`
  margin-top: 4px;
  font-size: ${({ theme }) => theme.fontSizes.sm};
  line-height: ${({ theme }) => theme.lineHeights.sm};
  color: ${({ theme }) => getColor({ theme, variable: 'foreground.default' })};
  overflow-wrap: anywhere;
  & > :first-child {
    margin-top: 0;
  }
  h1,
  h2,
  h3,
  h4 {
    margin: 12px 0 4px;
    font-size: ${({ theme }) => theme.fontSizes.md};
    line-height: ${({ theme }) => theme.lineHeights.md};
    font-weight: ${({ theme }) => theme.fontWeights.semibold};
  }
  h3,
  h4 {
    font-size: ${({ theme }) => theme.fontSizes.sm};
  }
  p,
  ul,
  ol,
  blockquote,
  pre,
  table {
    margin: 0 0 8px;
  }
  ul,
  ol {
    padding-left: 20px;
  }
  strong {
    font-weight: ${({ theme }) => theme.fontWeights.semibold};
  }
  a {
    color: ${({ theme }) => getColor({ theme, variable: 'foreground.primary' })};
    text-decoration: underline;
  }
  blockquote {
    padding: 0 8px;
    border-left: 3px solid ${({ theme }) => getColor({ theme, variable: 'border.emphasis' })};
    color: ${({ theme }) => getColor({ theme, variable: 'foreground.subtle' })};
  }
  code {
    font-family: ${({ theme }) => theme.fonts.mono};
    font-size: 0.92em;
    padding: 0 3px;
    border-radius: ${({ theme }) => theme.borderRadii.sm};
    background-color: ${({ theme }) => getColor({ theme, variable: 'background.subtle' })};
  }
  pre {
    padding: 8px;
    white-space: pre-wrap;
    border-radius: ${({ theme }) => theme.borderRadii.md};
    background-color: ${({ theme }) => getColor({ theme, variable: 'background.subtle' })};
  }
  pre code {
    padding: 0;
    background: none;
  }
  table {
    display: block;
    overflow-x: auto;
    border-collapse: collapse;
  }
  th,
  td {
    padding: 2px 6px;
    border: 1px solid ${({ theme }) => getColor({ theme, variable: 'border.default' })};
  }
  hr {
    border: 0;
    border-top: 1px solid ${({ theme }) => getColor({ theme, variable: 'border.default' })};
  }
`;

/** The body as GitHub renders it (see the top of this file for what is never rendered). */
export default function IssueMarkdown(props: { source: string; label: string; testId: string }): JSX.Element {
  return (
    <Rendered data-testid={props.testId} data-view="rendered" role="region" aria-label={props.label}>
      <Markdown remarkPlugins={[remarkGfm]} urlTransform={safeUrl} components={COMPONENTS}>
        {props.source}
      </Markdown>
    </Rendered>
  );
}
