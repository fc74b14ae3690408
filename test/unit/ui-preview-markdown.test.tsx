// The issue preview renders the body as GitHub will (src/ui/panel/IssueMarkdown.tsx), and nothing in it runs, loads
// or escapes: raw HTML stays text, links open in a new tab without the opener, only http(s) and mailto become links,
// images are never loaded. Server renders of the real component (the browser tests open it in the app).
import { renderToStaticMarkup } from 'react-dom/server';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { ThemeProvider } from '@zendeskgarden/react-theming';
import { composeIssue } from '../../src/core/compose.ts';
import IssueMarkdown from '../../src/ui/panel/IssueMarkdown.tsx';
import { themeFor } from '../../src/ui/shell/GardenTheme.tsx';
import { ctx, decisions, model } from './core-compose-fixture.ts';

function html(el: ReactElement, scheme: 'light' | 'dark' = 'light'): string {
  return renderToStaticMarkup(<ThemeProvider theme={themeFor(scheme)}>{el}</ThemeProvider>);
}

const render = (source: string): string => html(<IssueMarkdown source={source} label="Issue body" testId="preview-body" />);

describe('the rendered issue body', () => {
  it('renders headings, lists, quotes, code and GFM the way GitHub does', () => {
    const out = render('## Request for help\n\n- **Team:** Search core (`team/search-core`)\n\n> quoted *text*\n\n~~old~~ | a |\n\n| x | y |\n|---|---|\n| 1 | 2 |');
    expect(out).toContain('<h2>Request for help</h2>');
    expect(out).toContain('<li><strong>Team:</strong> Search core (<code>team/search-core</code>)</li>');
    expect(out).toContain('<blockquote>\n<p>quoted <em>text</em></p>\n</blockquote>');
    expect(out).toContain('<del>old</del>');
    expect(out).toContain('<table>');
    expect(out).toMatch(/data-testid="preview-body" data-view="rendered" role="region" aria-label="Issue body"/);
  });

  it('shows raw HTML as text and injects no element', () => {
    const out = render('<img src=x onerror=alert(1)>\n\n<script>alert(2)</script>\n\nsee <b onclick="alert(3)">this</b>');
    expect(out).not.toMatch(/<(?:img|script|b)\b/);
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
  });

  it('opens links in a new tab without the opener, and links only http(s) and mailto', () => {
    const out = render('[ticket 1003](https://acme.zendesk.com/agent/tickets/1003), <https://status.example.com>, [mail](mailto:a@b.example), [bad](javascript:alert(1)), [data](data:text/html,x), [rel](../secrets)');
    const anchors = [...out.matchAll(/<a [^>]*>/g)].map((m) => m[0]);
    expect(anchors).toEqual([
      '<a href="https://acme.zendesk.com/agent/tickets/1003" target="_blank" rel="noopener noreferrer">',
      '<a href="https://status.example.com" target="_blank" rel="noopener noreferrer">',
      '<a href="mailto:a@b.example" target="_blank" rel="noopener noreferrer">',
    ]);
    expect(out).not.toMatch(/javascript:|data:text|\.\.\/secrets/);
    expect(out).toContain('<span>bad</span>');
  });

  it('never loads an image: its alt text links to it instead', () => {
    const out = render('![the error page](https://tracker.example/pixel.gif?who=agent) and ![](https://cdn.example/x.png)');
    expect(out).not.toMatch(/<img\b/);
    expect(out).toContain('<a href="https://tracker.example/pixel.gif?who=agent" target="_blank" rel="noopener noreferrer">🖼 the error page</a>');
    expect(out).toContain('>🖼 https://cdn.example/x.png</a>');
  });

  it('shows a composed body as its visible text (escapes gone, mentions still defused), in both themes', () => {
    const m = model({ messages: [{ from: 'customer', body: 'Hi @sam, <b>pods</b> crash (see #12) *now*' }] });
    const body = composeIssue(m, decisions(), ctx()).body;
    for (const scheme of ['light', 'dark'] as const) {
      const out = html(<IssueMarkdown source={body} label="Issue body" testId="preview-body" />, scheme);
      expect(out).toContain('Hi @\u200Bsam, &lt;b&gt;pods&lt;/b&gt; crash (see #\u200B12) *now*');
      expect(out).not.toMatch(/<b>|<em>now/);
    }
  });
});
