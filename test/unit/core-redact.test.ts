import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maskFor, type SecretKind } from '../../src/core/secrets.ts';
import { isIPv6, redactionContextFor, redactText, Redactor, type RedactionContext } from '../../src/core/redact.ts';
import type { TicketModel } from '../../src/core/types/ticket.ts';

const ctx: RedactionContext = { names: ['Acme Corp', 'Acme', 'Jane Doe'], nameParts: ['Jane', 'Doe'], domains: ['acme.com'] };
const none: RedactionContext = { names: [], nameParts: [], domains: [] };

function r(text: string, c: RedactionContext = ctx): string {
  return redactText(text, c).text;
}

describe('redactText: people and places', () => {
  it('removes customer, organisation and requester names, whole words, any case', () => {
    expect(r('Jane from ACME corp and acme said hi; Acmeville stays')).toBe('REDACTED from REDACTED and REDACTED said hi; Acmeville stays');
    expect(r('jane is a lower-case word')).toBe('jane is a lower-case word'); // a bare first name only as written
  });

  it('removes e-mail addresses', () => {
    expect(r('write to ops+sg@example.org or jane.doe@acme.com.', none)).toBe('write to REDACTED or REDACTED.');
  });

  it('removes URLs except a short public allow-list', () => {
    expect(r('see https://sourcegraph.internal.example/search?q=1 and http://10.0.0.1:7080/', none)).toBe('see REDACTED and REDACTED');
    expect(r('https://docs.sourcegraph.com/admin/config https://github.com/sourcegraph/sourcegraph/issues/1', none)).toBe(
      'https://docs.sourcegraph.com/admin/config https://github.com/sourcegraph/sourcegraph/issues/1',
    );
    expect(r('https://github.com/acme-inc/monorepo and https://acme.sourcegraph.com/', none)).toBe('REDACTED and REDACTED');
    expect(r('https://user:pw@docs.sourcegraph.com/x', none)).toBe('REDACTED');
  });

  it('removes hostnames of their systems but not file names, versions or well-known public hosts', () => {
    expect(r('sourcegraph.acme.com, git.corp.internal:8443 and gitserver-0.prod.local', none)).toBe('REDACTED, REDACTED and REDACTED');
    expect(r('values.yaml v3.29.1 main.go docker.io github.com', none)).toBe('values.yaml v3.29.1 main.go docker.io github.com');
    expect(r('mirror.acme.com and ACME.COM', ctx)).toBe('REDACTED and REDACTED');
  });

  it('removes IPv4 and IPv6 addresses, ports included, but not times or versions', () => {
    expect(r('at 10.1.2.3:8080 and 192.168.0.1.', none)).toBe('at REDACTED and REDACTED.');
    expect(r('fe80::1%eth0, [2001:db8::ff00:42:8329]:443, ::ffff:192.0.2.128 and addr:2001:db8::1', none)).toBe(
      'REDACTED, [REDACTED]:443, REDACTED and addr:REDACTED',
    );
    expect(r('at 10:22:33, std::vector, Foo::Bar, 1.2.3, 00:1a:2b:3c:4d:5e', none)).toBe('at 10:22:33, std::vector, Foo::Bar, 1.2.3, 00:1a:2b:3c:4d:5e');
  });
});

describe('redactText: secrets', () => {
  // Secrets are masked with their kind, as in the private tracker (mask.ts); random-looking strings only here.
  const cases: [string, string, SecretKind][] = [
    ['GitHub classic token', 'ghp_' + 'a1B2'.repeat(9), 'github-token'],
    ['GitHub OAuth token', 'gho_' + 'Z9y8'.repeat(9), 'github-token'],
    ['GitHub fine-grained token', 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUV', 'github-token'],
    ['Sourcegraph token', 'sgp_0123456789abcdef0123456789abcdef01234567', 'sourcegraph-token'],
    ['Sourcegraph instance token', 'sgp_a1b2c3d4e5f6a7b8_0123456789abcdef0123456789abcdef01234567', 'sourcegraph-token'],
    ['AWS access key id', 'AKIAIOSFODNN7EXAMPLE', 'aws-access-key'],
    ['GitLab token', 'glpat-abcdefghij0123456789', 'gitlab-token'],
    ['Slack token', 'xoxb-1234567890-abcdefghij', 'slack-token'],
    ['Google API key', 'AIza' + 'SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q', 'google-api-key'],
    ['Stripe key', 'sk_live_' + 'abcdEFGH1234ijkl5678', 'stripe-key'],
    ['npm token', 'npm_' + 'abcdefghijklmnopqrstuvwxyz0123456789', 'npm-token'],
    ['JWT', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U', 'jwt'],
    ['long hex', '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', 'random-string'],
    ['license key', 'AAAAbbbbCCCCdddd1234eeeeFFFF5678ggggHHHH9012iiii', 'random-string'],
  ];
  for (const [what, secret, kind] of cases) {
    it(`removes a ${what}`, () => {
      const out = redactText(`before ${secret} after`, none);
      expect(out.text).toBe(`before ${maskFor(kind)} after`);
      expect(out.redactions).toEqual([{ kind: 'secret', original: secret, replacement: maskFor(kind), secret: kind }]);
    });
  }

  it('keeps the scheme or key and removes the credential', () => {
    expect(r('Authorization: Bearer abc.def-123456', none)).toBe('Authorization: Bearer [masked token]');
    expect(r('Authorization: token 0123456789abcdef', none)).toBe('Authorization: token [masked token]');
    expect(r('password=hunter2 PASSWORD: "s3cret word" "client_secret": \'x y 1\'', none)).toBe(
      'password=[masked password] PASSWORD: "[masked password]" "client_secret": \'[masked secret]\'',
    );
    expect(r('DB_PASSWORD=abc; api-key: k-123; licenseKey = XYZ-12', none)).toBe(
      'DB_PASSWORD=[masked password]; api-key: [masked API key]; licenseKey = [masked license key]',
    );
  });

  it('leaves words that only look like credential keywords', () => {
    expect(r('Basic authentication fails; the token expired; password: ******; secret=${SECRET}', none)).toBe(
      'Basic authentication fails; the token expired; password: ******; secret=${SECRET}',
    );
  });

  it('removes private key blocks, even unterminated ones', () => {
    const key = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----';
    expect(r(`key:\n${key}\nthanks`, none)).toBe(`key:\n[masked private key]\nthanks`);
    expect(r('-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIB\nAAKCAQEA', none)).toBe('[masked private key]');
  });

  it('keeps public image digests', () => {
    const digest = `sha256:${'ab'.repeat(32)}`;
    expect(r(`image@${digest}`, none)).toBe(`image@${digest}`);
  });
});

describe('isIPv6', () => {
  it('accepts the standard forms and refuses the rest', () => {
    for (const ok of ['::', '::1', 'fe80::1', '2001:db8:0:0:0:0:2:1', '2001:db8::2:1', '::ffff:192.0.2.1', 'fe80::1%eth0']) expect(isIPv6(ok)).toBe(true);
    for (const no of ['1:2:3', '10:22:33', '1::2::3', '12345::', '1:2:3:4:5:6:7:8:9', 'g::1', '::ffff:999.0.0.1']) expect(isIPv6(no)).toBe(false);
  });
});

describe('redactionContextFor', () => {
  const model = {
    customerName: 'Acme Corp',
    organization: { id: 1, name: 'Acme Corp', tags: [] },
    requester: { id: 2, name: 'Jane Doe', email: 'jane@acme-corp.io' },
    messages: [
      { authorRole: 'customer', authorName: 'Bob Builder' },
      { authorRole: 'agent', authorName: 'Sam Support' },
      { authorRole: 'customer', authorName: 'User 99' },
    ],
  } as unknown as TicketModel;

  it('collects the organisation, the people who wrote and their domain', () => {
    const c = redactionContextFor(model, { domains: ['acme.example'] });
    expect(c.names).toEqual(expect.arrayContaining(['Acme Corp', 'Acme', 'Jane Doe', 'Bob Builder', 'acme-corp']));
    expect(c.names).not.toContain('Sam Support');
    expect(c.names).not.toContain('User 99');
    expect(c.names).not.toContain('Corp');
    expect(c.nameParts).toEqual(expect.arrayContaining(['Jane', 'Doe', 'Bob', 'Builder']));
    expect(c.domains).toEqual(expect.arrayContaining(['acme.example', 'acme-corp.io']));
  });

  it('does not treat a free-mail domain as the customer', () => {
    const c = redactionContextFor({ ...model, requester: { id: 2, name: 'Jane Doe', email: 'jane@gmail.com' } });
    expect(c.domains).not.toContain('gmail.com');
  });
});

describe('Redactor', () => {
  it('collects each removal once across texts', () => {
    const red = new Redactor(ctx);
    expect(red.redact('Acme at 10.0.0.1')).toBe('REDACTED at REDACTED');
    expect(red.redact('acme again')).toBe('REDACTED again');
    expect(red.redactions.map((x) => `${x.kind}:${x.original}`)).toEqual(['customer-name:Acme', 'ip:10.0.0.1', 'customer-name:acme']);
  });
});

// ---- properties -----------------------------------------------------------------------------------------------

const alnum = (n: number) => fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'), minLength: n, maxLength: n });
const hex = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: n, maxLength: n });
const b64url = (n: number) => fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), minLength: n, maxLength: n });

const secret = fc.oneof(
  alnum(36).map((s) => `ghp_${s}`),
  alnum(36).map((s) => `gho_${s}`),
  alnum(60).map((s) => `github_pat_${s}`),
  hex(40).map((s) => `sgp_${s}`),
  fc.tuple(hex(16), hex(40)).map(([a, b]) => `sgp_${a}_${b}`),
  fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'), minLength: 16, maxLength: 16 }).map((s) => `AKIA${s}`),
  fc.tuple(b64url(20), b64url(30), b64url(43)).map(([a, b, c]) => `eyJ${a}.eyJ${b}.${c}`),
  alnum(20).map((s) => `glpat-${s}`),
  hex(64),
  fc.tuple(fc.constantFrom('password', 'api_key', 'client_secret', 'token', 'DB_PASSWORD'), fc.constantFrom('=', ': ', ' = '), alnum(12)).map(
    ([k, sep, v]) => ({ text: `${k}${sep}${v}`, secret: v }),
  ),
  alnum(24).map((v) => ({ text: `Authorization: Bearer ${v}`, secret: v })),
  // Key material: random, but cheap to generate (the shape matters here, not the entropy).
  fc.tuple(alnum(24), fc.integer({ min: 1, max: 8 })).map(([b, n]) => `-----BEGIN PRIVATE KEY-----\n${`${b}/+\n`.repeat(n)}-----END PRIVATE KEY-----`),
);

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('the', 'search', 'fails', 'on', 'our', 'cluster', 'v3.29.1', 'values.yaml', 'at', '10:22:33', 'ERROR', 'see') },
  { weight: 2, arbitrary: fc.emailAddress().map((e) => ({ kind: 'email' as const, text: e, secret: e })) },
  { weight: 2, arbitrary: fc.ipV4().map((ip) => ({ kind: 'ip' as const, text: ip, secret: ip })) },
  { weight: 2, arbitrary: fc.ipV6().map((ip) => ({ kind: 'ip' as const, text: ip, secret: ip })) },
  {
    weight: 3,
    arbitrary: secret.map((s) => (typeof s === 'string' ? { kind: 'secret' as const, text: s, secret: s } : { kind: 'secret' as const, ...s })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('http', 'https', 'ftp'), alnum(6), fc.constantFrom('com', 'internal', 'io', 'local'), fc.constantFrom('', ':8443'), alnum(5))
      .map(([scheme, host, tld, port, path]) => `${scheme}://${host}.${tld}${port}/${path}?q=${path}`)
      .map((u) => ({ kind: 'url' as const, text: u, secret: u })),
  },
);
const separator = fc.constantFrom(' ', '\n', ', ', ' (', ') ', ' "', '" ', '; ', '\t', ' > ');

const KNOWN_TOKEN = /gh[pousr]_[A-Za-z0-9]{20,}|github_pat_|sgp_[A-Za-z0-9]{8}|AKIA[A-Z0-9]{16}|eyJ[A-Za-z0-9_-]{8,}\.eyJ|glpat-|PRIVATE KEY|[0-9a-f]{32}/;
const IPV4_ANY = /(?<![0-9.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![0-9]|\.\d)/;
const EMAIL_ANY = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

describe('redaction properties', () => {
  it('leaves no e-mail, IP address, URL or known secret in any mix of text (property, 10,000 cases)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, separator), { minLength: 1, maxLength: 12 }), (parts) => {
        const text = parts.map(([p, sep]) => (typeof p === 'string' ? p : p.text) + sep).join('');
        const { text: out, redactions } = redactText(text, none);
        for (const [p] of parts) {
          if (typeof p === 'string') continue;
          if (out.includes(p.secret) && p.secret.length >= 4) throw new Error(`${p.kind} survived: ${p.secret}\n${out}`);
        }
        if (KNOWN_TOKEN.test(out)) throw new Error(`a token pattern survived: ${out}`);
        if (IPV4_ANY.test(out)) throw new Error(`an IPv4 address survived: ${out}`);
        if (EMAIL_ANY.test(out)) throw new Error(`an e-mail survived: ${out}`);
        for (const m of out.matchAll(/[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*/g)) if (m[0].length > 2 && isIPv6(m[0])) throw new Error(`an IPv6 address survived: ${out}`);
        if (/\b(?:https?|ftp):\/\//.test(out)) throw new Error(`a URL survived: ${out}`);
        // The preview lists what went, and putting the originals back gives the input.
        let restored = out;
        for (const red of redactions) restored = restored.replace(red.replacement, () => red.original);
        if (restored !== text) throw new Error('the redaction list does not match the removals');
      }),
      { numRuns: 10_000 },
    );
  }, 120_000);

  it('removes every customer name in any case, and keeps all other text (property, 10,000 cases)', () => {
    const word = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: 3, maxLength: 10 });
    fc.assert(
      fc.property(word, fc.array(fc.oneof(word, fc.constantFrom('Hello', 'team', 'about', '42')), { maxLength: 10 }), (name, words) => {
        const org = `${name[0]!.toUpperCase()}${name.slice(1)} Holdings`;
        const c: RedactionContext = { names: [org, name], nameParts: [], domains: [] };
        const text = [...words, org.toUpperCase(), ...words, name].join(' ');
        const out = redactText(text, c).text;
        if (new RegExp(`(?<![a-z])${name}(?![a-z])`, 'i').test(out)) throw new Error(`name survived: ${out}`);
        const kept = words.filter((w) => w.toLowerCase() !== name);
        for (const w of kept) if (!out.includes(w)) throw new Error(`lost ${w}: ${out}`);
      }),
      { numRuns: 10_000 },
    );
  }, 120_000);
});
