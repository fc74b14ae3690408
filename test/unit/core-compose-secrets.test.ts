// End to end through the composers: a customer pasted an .env dump, a connection string and a private key. Nothing
// that leaves Zendesk (issue title, body, follow-up comments, hand-off) carries them, whatever the tracker; the
// preview's list says what was masked where; the ticket model is not touched.
import { describe, expect, it } from 'vitest';
import { composeIssue } from '../../src/core/compose.ts';
import { composeHandoff } from '../../src/core/handoff.ts';
import { ctx, decisions, model } from './core-compose-fixture.ts';

const GH = 'ghp_' + 'Q7w8E9r0T1y2U3i4O5p6A7s8D9f0G1h2J3k4';
const AWS_ID = 'AKIAZ7Q3EXAMPLE4XY2W';
const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKY';
const DB_PW = 'Tr0ub4dor&3x';
const PG_PW = 'c0rrect-h0rse';
const KEY_LINES = ['MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun', 'VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK'];
const SECRETS = [GH, AWS_ID, AWS_SECRET, DB_PW, PG_PW, ...KEY_LINES, 'hunter2'];

const ENV_DUMP = [
  'Here is our env (frontend pod):',
  '```',
  'SRC_LOG_LEVEL=dbug',
  `GITHUB_TOKEN=${GH}`,
  `AWS_ACCESS_KEY_ID=${AWS_ID}`,
  `AWS_SECRET_ACCESS_KEY=${AWS_SECRET}`,
  'PGPASSWORD=hunter2',
  'token_expiry=3600',
  '```',
  `and the frontend logs: 2024-05-01T10:22:33Z ERROR db connect failed dsn=postgres://sg:${PG_PW}@pgsql:5432/sourcegraph`,
  `DB_PASSWORD='${DB_PW}'`,
].join('\n');
const KEY = `-----BEGIN RSA PRIVATE KEY-----\n${KEY_LINES.join('\n')}\n-----END RSA PRIVATE KEY-----`;

/** The text as GitHub shows it: Markdown escapes (`\[`, `\_`) undone, so a check cannot miss a secret by a backslash. */
const shown = (s: string): string => s.replace(/\\(.)/g, '$1').replace(/&amp;/g, '&').replace(/\u200B/g, '');

const ticket = () =>
  model({
    subject: `Frontend cannot reach the DB (password=${DB_PW})`,
    messages: [
      { from: 'customer', body: ENV_DUMP },
      { from: 'agent', body: 'Thanks, looking.' },
      { from: 'customer', body: `And the deploy key we use:\n${KEY}\nCommit 3f786850e387550fdab836ed7e6dc881de23001b broke it.` },
    ],
  });

describe('no credential leaves Zendesk', () => {
  const m = ticket();
  const before = structuredClone(m);

  for (const tracker of ['private', 'public'] as const) {
    it(`${tracker} tracker: title, body and comments carry none, and say what was masked`, () => {
      const req = composeIssue(m, decisions({ tracker }), ctx());
      const raw = [req.title, req.body, ...req.comments].join('\n');
      const all = shown(raw);
      for (const s of SECRETS) expect(`${raw}\n${all}`).not.toContain(s);
      expect(all).toContain('[masked GitHub token]');
      expect(all).toContain('[masked private key]');
      expect(all).toContain('[masked AWS secret key]');
      const kinds = new Set((req.masked ?? []).map((x) => x.kind));
      for (const k of ['github-token', 'aws-access-key', 'aws-secret-key', 'password', 'private-key']) expect(kinds.has(k as never)).toBe(true);
      expect(req.masked).toContainEqual({ kind: 'github-token', where: { part: 'message', index: 1 }, context: 'GITHUB_TOKEN=[masked GitHub token]' });
      expect(req.masked).toContainEqual(expect.objectContaining({ kind: 'private-key', where: { part: 'message', index: 3 } }));
      expect(req.masked).toContainEqual(expect.objectContaining({ kind: 'password', where: { part: 'title' } }));
      expect(JSON.stringify(req.masked)).not.toMatch(new RegExp(SECRETS.map((s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')));
    });
  }

  it('private tracker: keeps names, the debugging text and commit SHAs, with no double masking', () => {
    const req = composeIssue(m, decisions(), ctx());
    expect(req.title).toBe('Acme Corp: Frontend cannot reach the DB (password=[masked password])');
    expect(req.body).toContain('Jane Doe');
    const body = shown(req.body);
    expect(body).toContain('> GITHUB_TOKEN=[masked GitHub token]');
    expect(body).toContain('token_expiry=3600');
    expect(body).toContain('postgres://sg:[masked password]@pgsql:5432/sourcegraph');
    expect(body).toContain('3f786850e387550fdab836ed7e6dc881de23001b');
    expect(body).not.toMatch(/\[masked [^\]]*\[masked/);
  });

  it('follow-up comments are masked too', () => {
    const long = model({ messages: Array.from({ length: 40 }, (_, i) => ({ from: 'customer' as const, body: `${i}: ${'log line '.repeat(400)}\n${ENV_DUMP}` })) });
    const req = composeIssue(long, decisions(), ctx());
    expect(req.comments.length).toBeGreaterThan(0);
    for (const c of req.comments) for (const s of SECRETS) expect(`${c}\n${shown(c)}`).not.toContain(s);
    expect(shown(req.comments.join('\n'))).toContain('[masked GitHub token]');
  });

  it('the hand-off carries none', () => {
    const h = composeHandoff(m, decisions({ timeline: `today; the token is ${GH}`, ceToInclude: `@bob token=${GH}` }), ctx());
    for (const s of SECRETS) expect(`${h.message}\n${h.handle}`).not.toContain(s);
    expect(h.message).toContain('(password=[masked password])');
    expect(h.masked?.map((x) => x.kind)).toEqual(expect.arrayContaining(['password', 'github-token']));
    const ce = composeHandoff(m, decisions({ teamId: 'ce-sales', ceToInclude: `@bob ${GH}` }), ctx());
    expect(`${ce.message}\n${ce.handle}`).not.toContain(GH);
  });

  it('the ticket keeps the original', () => {
    composeIssue(m, decisions(), ctx());
    composeIssue(m, decisions({ tracker: 'public' }), ctx());
    composeHandoff(m, decisions(), ctx());
    expect(m).toEqual(before);
    expect(m.messages[0]?.raw).toContain(GH);
  });
});
