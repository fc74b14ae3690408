// Credential masking (mask.ts over secrets.ts): what is masked, what must stay (look-alikes that an engineer needs
// for debugging), and the record the preview shows.
import { describe, expect, it } from 'vitest';
import { Masker, maskCredentials, maskText } from '../../src/core/mask.ts';

const m = maskCredentials;

describe('maskCredentials: credentials, with the text around them', () => {
  it('keeps the key of a setting and masks its value, in env, YAML, JSON and CLI forms', () => {
    expect(m('password=hunter2')).toBe('password=[masked password]');
    expect(m('export DB_PASSWORD="s3cr3t!"')).toBe('export DB_PASSWORD="[masked password]"');
    expect(m('  password: hunter2 # prod')).toBe('  password: [masked password] # prod');
    expect(m('{"client_secret": "abc123def456", "client_id": "engage"}')).toBe('{"client_secret": "[masked secret]", "client_id": "engage"}');
    expect(m('api_key: 8f14e45fceea167a5a36dedd4bea2543')).toBe('api_key: [masked API key]');
    expect(m('SRC_ACCESS_TOKEN=abcdef0123456789abcdef')).toBe('SRC_ACCESS_TOKEN=[masked token]');
    expect(m('src login --token 1a2b3c4d5e6f7a8b --endpoint https://sg.example.com')).toBe(
      'src login --token [masked token] --endpoint https://sg.example.com',
    );
    expect(m('psql --password hunter2 -h db')).toBe('psql --password [masked password] -h db');
    expect(m('mysql -p hunter2 -u root')).toBe('mysql -p hunter2 -u root');
    expect(m('{"msg":"cfg","body":"{\\"password\\":\\"hunter2\\"}"}')).toBe('{"msg":"cfg","body":"{\\"password\\":\\"[masked password]\\"}"}');
    expect(m('//registry.npmjs.org/:_authToken=npm_abcdefghijklmnopqrstuvwxyz0123456789')).toBe('//registry.npmjs.org/:_authToken=[masked npm token]');
    expect(m('aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')).toBe('aws_secret_access_key = [masked AWS secret key]');
  });

  it('masks only the password of a connection string or URL', () => {
    expect(m('postgres://sg:pa55word@pgsql:5432/sourcegraph?sslmode=disable')).toBe('postgres://sg:[masked password]@pgsql:5432/sourcegraph?sslmode=disable');
    expect(m('git clone https://oauth2:glpat-abcdefghij0123456789@gitlab.acme.com/a/b.git')).toBe(
      'git clone https://oauth2:[masked GitLab token]@gitlab.acme.com/a/b.git',
    );
    expect(m('https://bob:p@ss:w0rd@git.acme.com/x')).toBe('https://bob:[masked password]@git.acme.com/x');
    expect(m('redis://:r3dis@redis-store:6379')).toBe('redis://:[masked password]@redis-store:6379');
  });

  it('masks Authorization headers and bare Bearer credentials', () => {
    expect(m('Authorization: Bearer abc.def-123456')).toBe('Authorization: Bearer [masked token]');
    expect(m('-H "Authorization: token ghp_abcdefghijklmnopqrstuvwxyz0123456789"')).toBe('-H "Authorization: token [masked GitHub token]"');
    expect(m('"Authorization":"Basic dXNlcjpwYXNzd29yZA=="')).toBe('"Authorization":"Basic [masked credentials]"');
    expect(m('curl -H "Bearer 9a8b7c6d5e4f3a2b1c0d"')).toBe('curl -H "Bearer [masked token]"');
    expect(m('PRIVATE-TOKEN: glpat-abcdefghij0123456789')).toBe('PRIVATE-TOKEN: [masked GitLab token]');
  });

  it('masks tokens by their shape, wherever they are', () => {
    const cases: [string, string][] = [
      ['ghp_' + 'a1B2'.repeat(9), 'GitHub token'],
      ['github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123', 'GitHub token'],
      ['glpat-abcdefghij0123456789', 'GitLab token'],
      ['xoxb-1234567890-abcdefghij', 'Slack token'],
      ['xoxp-1234567890-abcdefghij', 'Slack token'],
      ['https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXX', 'Slack webhook'],
      ['AKIAIOSFODNN7EXAMPLE', 'AWS access key ID'],
      ['npm_abcdefghijklmnopqrstuvwxyz0123456789', 'npm token'],
      ['sk_live_abcdEFGH1234ijkl5678', 'Stripe key'],
      ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U', 'JWT'],
      ['sgp_0123456789abcdef0123456789abcdef01234567', 'Sourcegraph token'],
    ];
    for (const [secret, label] of cases) expect(m(`2024-05-01 ERROR failed with ${secret} (retry)`)).toBe(`2024-05-01 ERROR failed with [masked ${label}] (retry)`);
  });

  it('masks an AWS key pair and a service-account private key in JSON', () => {
    expect(m('AKIAIOSFODNN7EXAMPLE,wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')).toBe('[masked AWS access key ID],[masked AWS secret key]');
    const sa = '{"type": "service_account", "private_key_id": "abc", "private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\n-----END PRIVATE KEY-----\\n", "client_email": "sa@p.iam.gserviceaccount.com"}';
    expect(m(sa)).toBe(
      '{"type": "service_account", "private_key_id": "abc", "private_key": "[masked private key]", "client_email": "sa@p.iam.gserviceaccount.com"}',
    );
  });

  it('masks every line of a PEM block, also an unterminated one, and stops at the prose after it', () => {
    const key = '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi\nZ1BtMZzXd0qTnFMIIEpAIB\n-----END RSA PRIVATE KEY-----';
    expect(m(`here:\n${key}\nthanks`)).toBe('here:\n[masked private key]\nthanks');
    expect(m('-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU\nAAAAB3\nthat is all we have')).toBe(
      '[masked private key]\nthat is all we have',
    );
  });
});

describe('maskCredentials: look-alikes stay', () => {
  const same = [
    'fixed in commit 3f786850e387550fdab836ed7e6dc881de23001b',
    'request id 123e4567-e89b-12d3-a456-426614174000 failed',
    'Sourcegraph v5.2.3 (build 231012_2023-10-12_5.2-0f1e2d3c4b5a)',
    'img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="',
    'token_expiry=3600 refresh_token_ttl: 86400',
    'password_min_length: 8',
    'token: ""',
    "secret: ''",
    'password: <redacted>',
    'password: ********',
    'api_key: ${API_KEY}',
    'token: {{ .Values.token }}',
    'password: [masked password]',
    'Password reset emails are not arriving',
    'the token expired yesterday; Basic authentication fails',
    'Bearer tokens are rejected',
    'existingSecret: pgsql-auth',
    'GOOGLE_APPLICATION_CREDENTIALS=/etc/gcp/key.json',
    'auth: saml, auth_type=builtin',
    'max_token=4096',
    'sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    'git@github.com:acme/repo.git and ssh://git@gitserver:22/repo',
    'http://localhost:3080/-/debug and https://sourcegraph.example.com:443/search',
    'docker login --password-stdin; use --token-file /run/token',
    'Use the --password flag to set it',
    'bypass: abc',
  ];
  for (const text of same) it(`keeps ${JSON.stringify(text.slice(0, 60))}`, () => expect(m(text)).toBe(text));
});

describe('Masker', () => {
  it('records kind, where and the masked text before it, never the credential, and masks idempotently', () => {
    const masker = new Masker();
    const out = masker.mask('env:\nDB_PASSWORD=hunter2\nGITHUB_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789', { part: 'message', index: 2 });
    expect(out).toBe('env:\nDB_PASSWORD=[masked password]\nGITHUB_TOKEN=[masked GitHub token]');
    masker.mask('same ghp_abcdefghijklmnopqrstuvwxyz0123456789', { part: 'title' });
    expect(masker.masked).toEqual([
      { kind: 'password', where: { part: 'message', index: 2 }, context: 'DB_PASSWORD=[masked password]' },
      { kind: 'github-token', where: { part: 'message', index: 2 }, context: 'GITHUB_TOKEN=[masked GitHub token]' },
      { kind: 'github-token', where: { part: 'title' }, context: 'same [masked GitHub token]' },
    ]);
    expect(JSON.stringify(masker.masked)).not.toMatch(/hunter2|ghp_/);
    expect(maskText(out)).toEqual({ text: out, found: [] });
  });
});
