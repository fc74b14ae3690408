// The ticket's terms come from the customer's own words: errors kept, signatures and our agents' words ignored.
import { describe, expect, it } from 'vitest';
import { normalizeTokens, similarTerms } from '../../src/core/similar/terms.ts';
import { ticketWith } from './similar-fixtures.ts';

const texts = (subject: string, body: string, later: { body: string; internal?: boolean }[] = []) =>
  similarTerms(ticketWith(subject, body, later)).map((t) => t.text);

describe('similarTerms', () => {
  it('keeps the error message without its path, and the component', () => {
    const terms = similarTerms(ticketWith('gitserver restarting', 'After the upgrade the pod restarts and logs\n\nfailed to create lock file /data/repos/.tmp: permission denied\n'));
    expect(terms.find((t) => t.kind === 'error')?.text).toBe('failed create lock file permission denied');
    expect(terms.find((t) => t.text === 'gitserver')?.kind).toBe('component');
    expect(terms.length).toBeLessThanOrEqual(10);
  });

  it('ignores the signature and our agents’ replies and internal notes', () => {
    const found = texts('Search is slow', 'Regex searches time out with "Search timed out".\n\nThanks,\nJane\n\n--\nJane Doe | Kubernetes Platform Lead\nZoektCorp', [
      { body: 'Could this be the zoekt-webserver OOMKilled problem?' },
      { body: 'Internal: maybe precise-code-intel-worker, see Helix ticket', internal: true },
    ]);
    expect(found.join(' ')).toContain('search timed');
    for (const w of ['zoekt-webserver', 'oomkilled', 'precise-code-intel-worker', 'kubernetes', 'zoektcorp', 'jane']) expect(found.join(' ')).not.toContain(w);
  });

  it('keeps HTTP statuses and exception names; versions and ids go', () => {
    const found = texts('Upload fails', 'src code-intel upload fails: unexpected status code 413 (Request Entity Too Large) on 5.2.1, pod gitserver-0 shows CrashLoopBackOff');
    expect(found).toContain('413');
    expect(found).toContain('crashloopbackoff');
    expect(found.join(' ')).not.toMatch(/5\.2\.1|gitserver-0/);
  });

  it('normalises versions, paths and numbered replicas away', () => {
    expect(normalizeTokens('gitserver-1 v3.29.1 /data/repos/.tmp values.yaml 0xdeadbeef 504')).toEqual(['gitserver', 'values', '504']);
  });

  it('is deterministic', () => {
    const a = texts('Okta login loop', 'Logs: SAML response signature validation failed.');
    expect(texts('Okta login loop', 'Logs: SAML response signature validation failed.')).toEqual(a);
  });
});
