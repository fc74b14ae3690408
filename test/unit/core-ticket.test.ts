// Ticket bundles in, ticket model out: clear errors naming the field, and the cleaning that keeps routing honest.
import { describe, expect, it } from 'vitest';
import { BundleError, parseBundle } from '../../src/core/bundle.ts';
import { parseBundleFile } from '../../src/cli/read-bundles.ts';
import { cleanText } from '../../src/core/clean-text.ts';
import { attachmentKind, buildTicketModel } from '../../src/core/ticket-model.ts';
import { bundleOf } from './core-route-fixtures.ts';

function errorOf(fn: () => unknown): BundleError {
  try {
    fn();
  } catch (e) {
    if (e instanceof BundleError) return e;
    throw e;
  }
  throw new Error('expected a BundleError');
}

describe('parseBundle', () => {
  it('accepts a Zendesk-shaped bundle and keeps unknown fields', () => {
    const b = bundleOf({ subject: 'x', customer: ['hello'] });
    const json = JSON.parse(JSON.stringify({ ...b, ticket: { ...b.ticket, via: { channel: 'email' } } }));
    const parsed = parseBundle(json, 'a.json');
    expect(parsed.ticket.id).toBe(1);
    expect((parsed.ticket as unknown as { via: unknown }).via).toEqual({ channel: 'email' });
    expect(parsed.comments[0]?.body).toBe('hello');
  });

  it('fills harmless defaults for fields that change no decision', () => {
    const parsed = parseBundle({ ticket: { id: 5, subject: 'S', requester_id: 1 }, comments: [{ id: 1, author_id: 1, body: 'b' }] });
    expect(parsed.ticket.tags).toEqual([]);
    expect(parsed.ticket.priority).toBeNull();
    expect(parsed.ticket.status).toBe('open');
    expect(parsed.comments[0]?.public).toBe(true);
    expect(parsed.comments[0]?.attachments).toEqual([]);
    expect(parsed.users).toEqual([]);
    expect(parsed.organization).toBeNull();
  });

  it.each([
    [{ ticket: { subject: 'x', requester_id: 1 } }, 'ticket.id', /ticket\.id is missing/],
    [{ ticket: { id: 3, subject: 42, requester_id: 1 } }, 'ticket.subject', /ticket 3: ticket\.subject must be a string, got number 42/],
    [{ ticket: { id: 3, subject: 's', requester_id: 1, status: 'weird' } }, 'ticket.status', /one of new, open/],
    [{ ticket: { id: 3, subject: 's', requester_id: 1 }, comments: [{ id: 1, author_id: 1, body: 'ok' }, { id: 2, author_id: 'me', body: 'x' }] }, 'comments[1].author_id', /comments\[1\]\.author_id must be a positive integer id/],
    [{ ticket: { id: 3, subject: 's', requester_id: 1 }, comments: {} }, 'comments', /comments must be an array/],
    [{ ticket: { id: 3, subject: 's', requester_id: 1 }, users: [{ id: 1, name: 'n', role: 'boss' }] }, 'users[0].role', /users\[0\]\.role must be one of end-user, agent, admin/],
    [{ ticket: { id: 3, subject: 's', requester_id: 1 }, comments: [{ id: 1, author_id: 1, body: 'b', attachments: [{ id: 1 }] }] }, 'comments[0].attachments[0].file_name', /file_name is missing/],
    [{ ticket: { id: 3, subject: 's', requester_id: 1, tags: ['a', 5] } }, 'ticket.tags[1]', /ticket\.tags\[1\] must be a string/],
  ])('names the field: %j → %s', (json, field, message) => {
    const e = errorOf(() => parseBundle(json, 'file.json'));
    expect(e.field).toBe(field);
    expect(e.message).toMatch(/^file\.json/);
    expect(e.message).toMatch(message);
  });

  it('explains what a bundle is when given something else', () => {
    expect(errorOf(() => parseBundle([1, 2])).message).toMatch(/not a ticket bundle/);
    expect(errorOf(() => parseBundle({ comments: [] }, 'c.json')).message).toMatch(/c\.json: ticket is missing: a ticket bundle is/);
  });
});

describe('parseBundleFile', () => {
  const one = JSON.stringify(bundleOf({ id: 1, subject: 'a' }));
  const two = JSON.stringify(bundleOf({ id: 2, subject: 'b' }));

  it('reads one bundle, an array, or JSON lines', () => {
    expect(parseBundleFile(one, 'f').bundles.map((b) => b.ticket.id)).toEqual([1]);
    expect(parseBundleFile(`[${one},${two}]`, 'f').bundles.map((b) => b.ticket.id)).toEqual([1, 2]);
    expect(parseBundleFile(`${one}\n\n${two}\n`, 'f').bundles.map((b) => b.ticket.id)).toEqual([1, 2]);
  });

  it('keeps the good bundles and reports each bad one with its position', () => {
    const r = parseBundleFile(`[${one},{"ticket":{"id":9,"subject":"s"}},${two}]`, 'many.json');
    expect(r.bundles.map((b) => b.ticket.id)).toEqual([1, 2]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]?.message).toBe('many.json, bundle #2, ticket 9: ticket.requester_id is missing (must be a positive integer id)');
    const lines = parseBundleFile(`${one}\nnot json\n${two}`, 'x.jsonl');
    expect(lines.bundles).toHaveLength(2);
    expect(lines.errors[0]?.message).toMatch(/^x\.jsonl:2, bundle #2: is not valid JSON/);
  });

  it('reports invalid JSON and empty files', () => {
    expect(parseBundleFile('{"ticket": ', 'bad.json').errors[0]?.message).toMatch(/^bad\.json: is not valid JSON/);
    expect(parseBundleFile('  \n', 'empty.json').errors[0]?.message).toMatch(/empty/);
  });
});

describe('buildTicketModel', () => {
  it('keeps customer, agent replies and internal notes apart, oldest first', () => {
    const model = buildTicketModel(bundleOf({ subject: 'S', customer: ['first'], agent: ['reply'], internal: ['note'] }));
    expect(model.messages.map((m) => [m.authorRole, m.public, m.text])).toEqual([
      ['customer', true, 'first'],
      ['agent', true, 'reply'],
      ['agent', false, 'note'],
    ]);
    expect(model.messages.map((m) => m.index)).toEqual([0, 1, 2]);
  });

  it('has the organisation, its fields, tags, custom fields and the customer name', () => {
    const model = buildTicketModel(bundleOf({ tags: ['poc'], orgTags: ['prospect'], orgFields: { stage: 'trial' }, customFields: [{ id: 77, value: 'evaluation' }] }));
    expect(model.organization).toEqual({ id: 30, name: 'Acme', tags: ['prospect'], fields: { stage: 'trial' } });
    expect(model.customerName).toBe('Acme');
    expect(model.tags).toEqual(['poc']);
    expect(model.customFields['77']).toBe('evaluation');
  });

  it('names the customer by e-mail domain without an organisation, never by a free-mail domain', () => {
    const b = bundleOf({});
    expect(buildTicketModel({ ...b, organization: null }).customerName).toBe('acme.example');
    const gmail = { ...b, organization: null, users: b.users.map((u) => (u.id === 10 ? { ...u, email: 'jane@gmail.com' } : u)) };
    expect(buildTicketModel(gmail).customerName).toBe('Jane Customer');
  });

  it('classifies attachments', () => {
    expect(attachmentKind('screen.png', 'image/png')).toBe('screenshot');
    expect(attachmentKind('frontend.log', 'application/octet-stream')).toBe('log');
    expect(attachmentKind('values.yaml', 'application/x-yaml')).toBe('config');
    expect(attachmentKind('debug-bundle.tar.gz', 'application/gzip')).toBe('archive');
    expect(attachmentKind('notes.pdf', 'application/pdf')).toBe('other');
    const model = buildTicketModel(bundleOf({ customer: ['see attached'], attachments: [{ file_name: 'a.png', content_type: 'image/png' }] }));
    expect(model.attachments.map((a) => [a.fileName, a.kind, a.commentId])).toEqual([['a.png', 'screenshot', 1]]);
  });

  it('treats an unknown author as the requester when it is the requester, else by visibility', () => {
    const b = bundleOf({ customer: ['x'] });
    const noUsers = { ...b, users: [], comments: [...b.comments, { id: 9, author_id: 99, body: 'internal', public: false, created_at: '2021-07-02T00:00:00Z', attachments: [] }] };
    const model = buildTicketModel(noUsers);
    expect(model.messages.map((m) => m.authorRole)).toEqual(['customer', 'agent']);
  });
});

describe('cleanText', () => {
  it('drops quoted replies after "On ... wrote:" (one or two lines) and ">" lines', () => {
    expect(cleanText('New info: GitLab fails.\n\nOn Mon, Jul 12, 2021 at 10:02 AM Sam <sam@x.com> wrote:\n> search is slow', 'customer')).toBe('New info: GitLab fails.');
    expect(cleanText('Answer here.\n\nOn Mon, Jul 12, 2021 at 10:02 AM Sam Agent\n<sam@x.com> wrote:\n> kubernetes?', 'customer')).toBe('Answer here.');
    expect(cleanText('inline\n> quoted kubernetes\nmore', 'customer')).toBe('inline\nmore');
  });

  it('drops Outlook reply headers but keeps forwarded content without its headers', () => {
    expect(cleanText('Reply text\n\nFrom: Sam <s@x.com>\nSent: Monday\nTo: me\nSubject: RE: helm\n\nold helm text', 'customer')).toBe('Reply text');
    expect(cleanText('FYI\n\n---------- Forwarded message ---------\nFrom: Bob <b@x.com>\nDate: Mon\nSubject: x\nTo: me\n\nOur license expires.', 'customer')).toBe('FYI\n\nOur license expires.');
  });

  it('drops signatures: "-- ", closings with name/title/company lines, phone lines, mobile footers', () => {
    expect(cleanText('Body.\n-- \nJane\nKubernetes Admin | Acme', 'customer')).toBe('Body.');
    expect(cleanText('Body.\n\nBest regards,\nJane Doe\nStaff Engineer | Acme Corp\n+1 (555) 123-4567', 'customer')).toBe('Body.');
    expect(cleanText('Body.\nMobile: +44 20 7946 0321\nSent from my iPhone', 'customer')).toBe('Body.');
  });

  it('keeps prose that follows a closing after a blank line', () => {
    expect(cleanText('Thanks!\n\nAlso: GitLab sync fails for one repo', 'customer')).toBe('Also: GitLab sync fails for one repo');
  });

  it('drops legal disclaimers, also when they start with the company name', () => {
    expect(cleanText('Body.\n\nThis e-mail and any attachments are confidential and intended solely for the addressee.\nSecond line of it.', 'customer')).toBe('Body.');
    expect(cleanText('Body.\n\nAcme S.A. - This email and any files transmitted with it are confidential.', 'customer')).toBe('Body.');
    expect(cleanText('CONFIDENTIALITY NOTICE: privileged.\n\nBody.', 'customer')).toBe('Body.');
  });

  it("drops our agents' greetings and stock phrases, not their questions", () => {
    const text = "Hi Jane,\n\nThanks for reaching out! I hope you're doing well. Could you send the helm values?\n\nLet me know if you have any questions.\n\nBest,\nMark\nCustomer Support Engineer | Sourcegraph";
    expect(cleanText(text, 'agent')).toBe('Could you send the helm values?');
  });

  it('keeps a line that only starts like a greeting', () => {
    expect(cleanText('Hey, GitLab sync is failing for all our repositories today', 'customer')).toBe('Hey, GitLab sync is failing for all our repositories today');
  });
});
