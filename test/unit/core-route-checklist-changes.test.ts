// The recent-changes hint quotes the change up to the end of its sentence: version numbers keep their dots
// ("upgraded to 3.29.1", not "upgraded to 3"), while the full stop that ends the sentence stays out.
import { english } from '../../src/core/english.ts';
import { describe, expect, it } from 'vitest';
import { checklistHints } from '../../src/core/checklist.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import type { TicketModel } from '../../src/core/types/ticket.ts';
import { modelOf } from './core-route-fixtures.ts';

function changesOf(text: string): { summary: string; matched: string[]; model: TicketModel } {
  const model = modelOf({ subject: 'x', customer: [text] });
  const h = checklistHints(model, DEFAULT_SETTINGS).recent_changes;
  expect(h.status).toBe('found');
  // Evidence offsets still point at exactly the quoted words.
  for (const e of h.evidence) {
    const source = e.field === 'subject' ? model.subject : (model.messages[e.messageIndex ?? -1]?.text ?? '');
    expect(source.slice(e.start, e.end)).toBe(e.matched);
  }
  return { summary: english(h.summary), matched: h.evidence.filter((e) => e.term === 'change').map((e) => e.matched.trim()), model };
}

describe('recent changes keep whole version numbers', () => {
  it.each([
    ['We upgraded to 3.29.1 yesterday and search is broken.', 'upgraded to 3.29.1 yesterday and search is broken'],
    ['upgraded to 3.29.1 yesterday', 'upgraded to 3.29.1 yesterday'],
    ['We updated to v5.2.0 and code intel stopped.', 'updated to v5.2.0 and code intel stopped'],
    ['We upgraded 5.1 -> 5.2 last night', 'upgraded 5.1 -> 5.2 last night'],
    ['Search broke after we moved to 4.0. Please help.', 'after we moved to 4.0'],
    ['It broke when we upgraded to 4.0.', 'upgraded to 4.0'],
    ['We changed values.yaml for the gitserver replicas.', 'changed values.yaml for the gitserver replicas'],
  ])('%s', (text, expected) => {
    const { summary, matched } = changesOf(text);
    expect(matched[0]).toBe(expected);
    expect(summary).toBe(`Changes mentioned: ${expected}`);
  });

  it('a sentence-ending period followed by a newline or the end never joins the quote', () => {
    expect(changesOf('We upgraded to 3.30.\nNow it fails.').matched[0]).toBe('upgraded to 3.30');
    expect(changesOf('We upgraded to 3.30...').matched[0]).toBe('upgraded to 3.30');
  });

  it('still stops at 80 characters after the verb', () => {
    const long = `We upgraded to 3.29.1 ${'and then some more words '.repeat(10)}`;
    const { matched } = changesOf(long);
    expect(matched[0]?.startsWith('upgraded to 3.29.1 and then')).toBe(true);
    expect(matched[0]!.length).toBeLessThanOrEqual('upgraded'.length + 80);
  });
});
