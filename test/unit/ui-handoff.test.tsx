// Server-side renders of the hand-off's parts for teams outside engineering: "Mark as posted" beside Copy (posted
// already when the ticket carries the tag), the warning while the CE / sales rep blank is in the message, and the
// recorded hand-off a revisit opens on. Ticket text stays text.
import { renderToStaticMarkup } from 'react-dom/server';
import type { ReactElement } from 'react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ThemeProvider } from '@zendeskgarden/react-theming';
import { composeHandoffWriteBack } from '../../src/core/handoff-record.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { DEFAULT_TEAMS } from '../../src/core/teams/default-teams.ts';
import { buildTicketModel } from '../../src/core/ticket-model.ts';
import type { Suggestion } from '../../src/core/types/classification.ts';
import type { FlowsSource } from '../../src/flows/flows.ts';
import { createTranslator, type Dictionary } from '../../src/ui/logic/i18n.ts';
import { PostableHandoff, RecordedHandoffPanel } from '../../src/ui/panel/Handoff.tsx';
import { themeFor } from '../../src/ui/shell/GardenTheme.tsx';
import { bundle } from './core-compose-fixture.ts';
import { quietLayoutEffectWarnings } from '../support/server-render.ts';

const en = { ui: JSON.parse(readFileSync(join(import.meta.dirname, '../../translations/en.json'), 'utf8')).ui as Dictionary };
const t = createTranslator('en', en, en);
const XSS = '<img src=x onerror=alert(1)>';
const session = { client: {}, flows: () => Promise.reject(new Error('not in a render')) } as unknown as FlowsSource;
const location = { subdomain: 'sourcegraph', ticketId: 4242 };

quietLayoutEffectWarnings();

function html(el: ReactElement): string {
  return renderToStaticMarkup(<ThemeProvider theme={themeFor('light')}>{el}</ThemeProvider>);
}

const blankHandoff = { teamId: 'ce-sales', channel: '#ce', handle: '@<CE/sales rep>', message: `@<CE/sales rep>: Acme ${XSS} needs help` };

describe('the postable hand-off', () => {
  it('has Mark as posted beside Copy and warns about the blank', () => {
    const out = html(<PostableHandoff t={t} handoff={blankHandoff} teamName="CE & Sales" session={session} location={location} ticketTags={[]} />);
    expect(out).toMatch(/data-testid="handoff-copy"[\s\S]*data-testid="handoff-mark-posted"/);
    expect(out).toContain('Mark as posted');
    expect(out).toContain('data-testid="handoff-blank"');
    expect(out).toContain('aria-describedby="engage-handoff-blank"');
    expect(out).not.toContain('<img src=x');
  });

  it('shows as posted when the ticket already carries the tag, and no blank warning for a named rep', () => {
    const named = { ...blankHandoff, handle: '@raj (CE)', message: '@raj (CE): Acme needs help' };
    const out = html(<PostableHandoff t={t} handoff={named} teamName="CE & Sales" session={session} location={location} ticketTags={['engage_handoff_ce_sales']} />);
    expect(out).toMatch(/data-testid="handoff-mark-posted" data-state="posted"/);
    expect(out).toContain('engage_handoff_ce_sales');
    expect(out).not.toContain('data-testid="handoff-blank"');
  });
});

describe('the recorded hand-off', () => {
  const note = composeHandoffWriteBack(blankHandoff, 'CE & Sales', `Dana ${XSS}`).ticket.comment.body;
  const model = buildTicketModel(
    bundle({ tags: ['engage_handoff_ce_sales'], messages: [{ from: 'customer', body: 'Licence expires' }, { from: 'agent', body: note, public: false, at: '2026-12-07T06:00:00Z' }] }),
  );
  const view = { t, locale: 'en', session, location, model, classification: {} as Suggestion, settings: DEFAULT_SETTINGS, teams: DEFAULT_TEAMS };

  it('says to whom, where and by whom, with the way to the form', () => {
    const out = html(<RecordedHandoffPanel {...view} onFileToo={() => undefined} />);
    expect(out).toContain('Handed off to CE &amp; Sales');
    expect(out).toContain('Channel: #ce');
    expect(out).toContain('data-testid="handoff-recorded-by"');
    expect(out).toContain('&lt;img src=x');
    expect(out).not.toContain('<img src=x');
    expect(out).toContain('data-testid="handoff-file-too"');
  });

  it('without onFileToo (below a linked issue) has no button; a tag without its note still shows', () => {
    const tagOnly = { ...view, model: buildTicketModel(bundle({ tags: ['engage_handoff_bizops'] })) };
    const out = html(<RecordedHandoffPanel {...tagOnly} />);
    expect(out).toContain('Handed off to BizOps');
    expect(out).toContain('Channel: #bizops');
    expect(out).toContain('Engage&#x27;s note about it was not found');
    expect(out).not.toContain('handoff-file-too');
  });
});
