// Property tests of credential masking: generated credentials of every kind, written the ways customers paste
// them (bare, as a setting, a header, a connection string), inside realistic log lines (timestamps and levels,
// JSON logs, env dumps, YAML, Markdown code blocks). The credential never survives, the rest of the line does,
// and masking twice changes nothing. 13 properties × 800 runs = 10,400 cases.
import { describe, it } from 'vitest';
import fc from 'fast-check';
import { maskCredentials } from '../../src/core/mask.ts';

const RUNS = 800;

const chars = (alphabet: string, min: number, max = min) => fc.string({ unit: fc.constantFrom(...alphabet), minLength: min, maxLength: max });
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const alnum = (min: number, max = min) => chars(ALNUM, min, max);
const b64url = (min: number, max = min) => chars(`${ALNUM}-_`, min, max);
const lower = (min: number, max = min) => chars('abcdefghijklmnopqrstuvwxyz', min, max);
const digits = (min: number, max = min) => chars('0123456789', min, max);

/** A pasted credential: the text to embed, the secret parts that must go, the parts around them that must stay. */
interface Pasted {
  text: string;
  secrets: string[];
  keep: string[];
}

// Passwords as people choose them: letters first (never a placeholder), a digit, then symbols that need no quoting.
const password = fc.tuple(lower(3, 6), digits(1, 3), chars(`${ALNUM}!@$%^*()_+-.~:`, 3, 12)).map(([a, b, c]) => `${a}${b}${c}`);
// Generic token values: random and long enough to be one (short lower-case words are kept as prose).
const tokenValue = alnum(16, 40);

const githubToken = fc.oneof(
  fc.tuple(fc.constantFrom('ghp', 'gho', 'ghu', 'ghs', 'ghr'), alnum(36)).map(([p, s]) => `${p}_${s}`),
  fc.tuple(alnum(22), alnum(59)).map(([a, b]) => `github_pat_${a}_${b}`),
);
const gitlabToken = b64url(20, 26).map((s) => `glpat-${s}`);
const slackToken = fc.tuple(fc.constantFrom('a', 'b', 'p'), digits(10, 12), digits(10, 12), alnum(24)).map(([k, a, b, c]) => `xox${k}-${a}-${b}-${c}`);
const slackWebhook = fc.tuple(alnum(9).map((s) => `T${s}`), alnum(9).map((s) => `B${s}`), alnum(24)).map(([t, b, s]) => `https://hooks.slack.com/services/${t}/${b}/${s}`);
const awsId = chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16).map((s) => `AKIA${s}`);
const awsSecret = chars(`${ALNUM}/+`, 40);
const jwt = fc.tuple(b64url(10, 30), b64url(10, 60), b64url(20, 43)).map(([a, b, c]) => `eyJ${a}.eyJ${b}.${c}`);
const npmToken = alnum(36).map((s) => `npm_${s}`);
const stripeKey = fc.tuple(fc.constantFrom('sk', 'rk'), fc.constantFrom('live', 'test'), alnum(24, 40)).map(([a, b, c]) => `${a}_${b}_${c}`);
const keyLines = fc.array(chars(`${ALNUM}+/`, 64), { minLength: 1, maxLength: 6 });

/** A token with a known shape, pasted bare, as a setting, in a header or in a URL's user info. */
const shaped = (token: fc.Arbitrary<string>): fc.Arbitrary<Pasted> =>
  fc.tuple(token, fc.integer({ min: 0, max: 4 })).map(([t, form]) => {
    switch (form) {
      case 0:
        return { text: `using ${t} now`, secrets: [t], keep: ['using', 'now'] };
      case 1:
        return { text: `GITHUB_TOKEN=${t}`, secrets: [t], keep: ['GITHUB_TOKEN='] };
      case 2:
        return { text: `Authorization: Bearer ${t}`, secrets: [t], keep: ['Authorization: Bearer '] };
      case 3:
        return { text: `"token": "${t}"`, secrets: [t], keep: ['"token": "'] };
      default:
        return { text: `https://x-access-token:${t}@git.example.com/org/repo.git`, secrets: [t], keep: ['https://x-access-token:', '@git.example.com/org/repo.git'] };
    }
  });

const pem = fc.tuple(fc.constantFrom('', 'RSA ', 'EC ', 'OPENSSH ', 'ENCRYPTED '), keyLines).map(([type, lines]): Pasted => ({
  text: `-----BEGIN ${type}PRIVATE KEY-----\n${lines.join('\n')}\n-----END ${type}PRIVATE KEY-----`,
  secrets: lines,
  keep: [],
}));

const passwordSetting = fc.tuple(password, fc.integer({ min: 0, max: 6 }), fc.constantFrom('password', 'DB_PASSWORD', 'PGPASSWORD', 'smtp_pass', 'passphrase', 'Pwd')).map(
  ([pw, form, key]): Pasted => {
    switch (form) {
      case 0:
        return { text: `${key}=${pw}`, secrets: [pw], keep: [`${key}=`] };
      case 1:
        return { text: `${key}: ${pw}`, secrets: [pw], keep: [`${key}: `] };
      case 2:
        return { text: `"${key}": "${pw}"`, secrets: [pw], keep: [`"${key}": "`] };
      case 3:
        return { text: `${key}='${pw}'`, secrets: [pw], keep: [`${key}='`] };
      case 4:
        return { text: `psql --password ${pw} --host db`, secrets: [pw], keep: ['psql --password ', ' --host db'] };
      case 5:
        return { text: `Server=db;Database=sg;User Id=sa;${key}=${pw};`, secrets: [pw], keep: ['Server=db;Database=sg;User Id=sa;', `${key}=`] };
      default:
        return { text: `export ${key.toUpperCase()}="${pw}"`, secrets: [pw], keep: [`export ${key.toUpperCase()}="`] };
    }
  },
);

const connectionString = fc
  .tuple(fc.constantFrom('postgres', 'postgresql', 'mysql', 'mongodb+srv', 'redis', 'amqp', 'https'), lower(2, 8), password, lower(3, 10), fc.constantFrom('', ':5432', ':6379'))
  .map(([scheme, user, pw, host, port]): Pasted => ({
    text: `${scheme}://${user}:${pw}@${host}${port}/sourcegraph?sslmode=disable`,
    secrets: [pw],
    keep: [`${scheme}://${user}:`, `@${host}${port}/sourcegraph?sslmode=disable`],
  }));

const genericSetting = fc
  .tuple(tokenValue, fc.constantFrom('secret', 'client_secret', 'api_key', 'apiKey', 'X-Api-Key', 'access_token', 'SRC_ACCESS_TOKEN', 'auth_token'), fc.integer({ min: 0, max: 3 }))
  .map(([v, key, form]): Pasted => {
    const kebab = key.toLowerCase().replace(/_/g, '-');
    switch (form) {
      case 0:
        return { text: `${key}=${v}`, secrets: [v], keep: [`${key}=`] };
      case 1:
        return { text: `${key}: "${v}"`, secrets: [v], keep: [`${key}: "`] };
      case 2:
        return { text: `--${kebab} ${v}`, secrets: [v], keep: [`--${kebab} `] };
      default:
        return { text: `https://api.example.com/v1/items?${key}=${v}&page=2`, secrets: [v], keep: ['https://api.example.com/v1/items?', '&page=2'] };
    }
  });

const authHeader = fc.tuple(fc.constantFrom('Bearer', 'token', 'Basic'), chars(`${ALNUM}._~+/=-`, 20, 60), fc.boolean()).map(([scheme, v, json]): Pasted => {
  const value = scheme === 'Basic' ? `${v}0` : v; // at least one digit or 20 characters: both hold
  return json
    ? { text: `"headers": {"Authorization": "${scheme} ${value}"}`, secrets: [value], keep: [`"Authorization": "${scheme} `] }
    : { text: `curl -H 'Authorization: ${scheme} ${value}' https://api.example.com`, secrets: [value], keep: [`Authorization: ${scheme} `, 'https://api.example.com'] };
});

const awsPair = fc.tuple(awsId, awsSecret, fc.boolean()).map(([id, secret, file]): Pasted =>
  file
    ? { text: `[default]\naws_access_key_id = ${id}\naws_secret_access_key = ${secret}`, secrets: [id, secret], keep: ['aws_access_key_id = ', 'aws_secret_access_key = '] }
    : { text: `Access key ID,Secret access key\n${id},${secret}`, secrets: [id, secret], keep: ['Access key ID,Secret access key'] },
);

const serviceAccount = fc.tuple(keyLines, lower(4, 10)).map(([lines, project]): Pasted => ({
  text: JSON.stringify({
    type: 'service_account',
    project_id: project,
    private_key: `-----BEGIN PRIVATE KEY-----\n${lines.join('\n')}\n-----END PRIVATE KEY-----\n`,
    client_email: `engage@${project}.iam.gserviceaccount.com`,
  }),
  secrets: lines,
  keep: ['"type":"service_account"', `"project_id":"${project}"`, `"client_email":"engage@${project}.iam.gserviceaccount.com"`],
}));

// ---- the log lines around them ----------------------------------------------------------------------------------

const timestamp = fc
  .tuple(fc.integer({ min: 2019, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 86_399 }))
  .map(([y, mo, d, s]) => `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}T${new Date(s * 1000).toISOString().slice(11, 19)}Z`);
const level = fc.constantFrom('INFO', 'WARN', 'ERROR', 'DEBUG', 'level=error', 'ERR');
const service = fc.constantFrom('gitserver', 'frontend', 'repo-updater', 'worker', 'zoekt-webserver', 'precise-code-intel');
const words = fc.array(fc.constantFrom('request', 'failed', 'retrying', 'connection', 'refused', 'sync', 'repos', 'timeout', 'after', 'upstream'), { minLength: 1, maxLength: 5 });

/** Puts a pasted credential into one kind of log: the text, and the words of the log that must survive. */
type Wrap = (p: Pasted, ts: string, lvl: string, svc: string, msg: string[]) => { text: string; keep: string[] };

const WRAPS: Wrap[] = [
  // A plain log line.
  (p, ts, lvl, svc, msg) => ({ text: `${ts} ${lvl} [${svc}] ${msg.join(' ')} ${p.text} (attempt 3)`, keep: [ts, lvl, `[${svc}]`, msg.join(' '), '(attempt 3)', ...p.keep] }),
  // A JSON log: the credential inside a string field, escaped as JSON escapes it.
  (p, ts, lvl, svc, msg) => {
    const line = JSON.stringify({ ts, level: lvl, logger: svc, msg: msg.join(' '), detail: p.text });
    return { text: line, keep: [`"ts":"${ts}"`, `"logger":"${svc}"`, `"msg":"${msg.join(' ')}"`, ...p.keep.map((k) => JSON.stringify(k).slice(1, -1))] };
  },
  // An env dump, the credential on a line of its own among ordinary settings.
  (p, ts, _lvl, svc, msg) => ({
    text: `# dumped ${ts}\nPATH=/usr/local/bin:/usr/bin\nSERVICE=${svc}\n${p.text}\nLOG_LEVEL=debug\nMSG=${msg.join('_')}`,
    keep: [`# dumped ${ts}`, 'PATH=/usr/local/bin:/usr/bin', `SERVICE=${svc}`, 'LOG_LEVEL=debug', `MSG=${msg.join('_')}`, ...p.keep],
  }),
  // YAML (Helm values), indented, in a Markdown code block as customers paste it.
  (p, ts, _lvl, svc, msg) => ({
    text: `Our values (${ts}):\n\`\`\`yaml\n${svc}:\n  replicas: 2\n  env:\n    ${p.text.replace(/\n/g, '\n    ')}\n  image: sourcegraph/${svc}:5.2.3\n\`\`\`\n${msg.join(' ')}`,
    keep: [`Our values (${ts}):`, '  replicas: 2', `  image: sourcegraph/${svc}:5.2.3`, msg.join(' '), ...p.keep],
  }),
];

function check(pasted: fc.Arbitrary<Pasted>): fc.IPropertyWithHooks<[Pasted, number, string, string, string, string[]]> {
  return fc.property(pasted, fc.integer({ min: 0, max: WRAPS.length - 1 }), timestamp, level, service, words, (p, w, ts, lvl, svc, msg) => {
    const { text, keep } = (WRAPS[w] as Wrap)(p, ts, lvl, svc, msg);
    const out = maskCredentials(text);
    for (const s of p.secrets) {
      if (out.includes(s) || out.includes(JSON.stringify(s).slice(1, -1))) throw new Error(`credential survived: ${s}\n${out}`);
    }
    for (const k of keep) if (!out.includes(k)) throw new Error(`lost ${JSON.stringify(k)}\n${text}\n---\n${out}`);
    if (!out.includes('[masked ')) throw new Error(`nothing masked: ${out}`);
    if (maskCredentials(out) !== out) throw new Error(`masking twice changed it: ${out}`);
  });
}

describe('credential masking in log lines (properties, 10,400 cases in all)', () => {
  const kinds: [string, fc.Arbitrary<Pasted>][] = [
    ['GitHub tokens', shaped(githubToken)],
    ['GitLab tokens', shaped(gitlabToken)],
    ['Slack tokens and webhooks', shaped(fc.oneof(slackToken, slackWebhook))],
    ['JWTs', shaped(jwt)],
    ['npm tokens', shaped(npmToken)],
    ['Stripe keys', shaped(stripeKey)],
    ['PEM private keys', pem],
    ['GCP service-account keys', serviceAccount],
    ['AWS access key pairs', awsPair],
    ['passwords in settings and CLI flags', passwordSetting],
    ['passwords in connection strings and URLs', connectionString],
    ['secret/token/API-key settings', genericSetting],
    ['Authorization headers', authHeader],
  ];
  for (const [name, arb] of kinds) {
    it(`masks ${name}, keeps the rest of the line, idempotently (${RUNS} cases)`, () => {
      fc.assert(check(arb), { numRuns: RUNS });
    });
  }
});
