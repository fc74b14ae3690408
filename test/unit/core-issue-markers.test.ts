import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isEngageComment, lastEngageLine, linkLine, linkedTickets, postedLine, readEngageLine, unlinkedLine } from '../../src/core/issue-markers.ts';
import { ticketMarker } from '../../src/core/links.ts';

const acme = { subdomain: 'acme', ticketId: 4242 };
const other = { subdomain: 'acme', ticketId: 4243 };

describe('the lines Engage writes on an issue', () => {
  it('reads back each kind it writes, for the same ticket', () => {
    expect(readEngageLine(linkLine('filed', acme))).toEqual({ kind: 'filed', ticket: acme });
    expect(readEngageLine(linkLine('added', acme))).toEqual({ kind: 'added', ticket: acme });
    expect(readEngageLine(unlinkedLine(acme))).toEqual({ kind: 'unlinked', ticket: acme });
    expect(readEngageLine(postedLine(acme))).toEqual({ kind: 'posted', ticket: acme });
  });

  it('keeps the searchable marker only on the lines that link', () => {
    expect(linkLine('added', acme)).toContain(ticketMarker(acme));
    expect(unlinkedLine(acme)).not.toContain(ticketMarker(acme));
    expect(postedLine(acme)).not.toContain(ticketMarker(acme));
  });

  it('does not take quoted or mixed lines for its own', () => {
    expect(readEngageLine(`> ${linkLine('added', acme)}`)).toBeNull();
    expect(readEngageLine(`Unlinked from Zendesk by Engage · ticket marker: ${ticketMarker(acme)}`)).toBeNull();
    expect(readEngageLine('Added from Zendesk by Engage · ticket acme 4242')).toBeNull();
    expect(isEngageComment(`Thanks!\n\n> ${postedLine(acme)}`)).toBe(false);
    expect(isEngageComment(`Reply to engineering\n\n${postedLine(acme)}\n\n`)).toBe(true);
  });

  it('lists the tickets an issue carries: the body, added comments, minus unlinked ones, each once', () => {
    const body = `Problem\n\n---\n${linkLine('filed', acme)}`;
    const comments = [
      { body: `Another customer\n\n${linkLine('added', other)}` },
      { body: `**Unlinked** by mistake\n\n${unlinkedLine({ subdomain: 'acme', ticketId: 4244 })}` },
      { body: `engineer: the marker ${ticketMarker({ subdomain: 'acme', ticketId: 9 })} is in my words` },
      { body: `again\n${linkLine('added', other)}` },
      { body: `${linkLine('added', { subdomain: 'globex', ticketId: 7 })}` },
      { body: null },
    ];
    expect(linkedTickets(body, comments)).toEqual([acme, other, { subdomain: 'globex', ticketId: 7 }]);
    expect(linkedTickets(body, comments, 'acme')).toEqual([acme, other]);
    expect(linkedTickets(body, comments, 'ACME')).toEqual([acme, other]);
  });

  it('reads hyphenated subdomains and any ticket id', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?$/), fc.integer({ min: 1, max: 2 ** 40 }), (subdomain, ticketId) => {
        for (const line of [linkLine('added', { subdomain, ticketId }), unlinkedLine({ subdomain, ticketId }), postedLine({ subdomain, ticketId })]) {
          expect(lastEngageLine(`text\n${line}\n`)?.ticket).toEqual({ subdomain, ticketId });
        }
      }),
      { numRuns: 300 },
    );
  });
});
