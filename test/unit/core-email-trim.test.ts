// The issue body's e-mail trimming (src/core/email-trim.ts): earlier replies, signatures, footers and disclaimers go;
// the customer's problem never does. Realistic messages as Zendesk stores them (comment bodies from e-mail), and
// the look-alikes that must be kept whole.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { trimEmail } from '../../src/core/email-trim.ts';

const PROBLEM = [
  'Since the upgrade to 3.29.1 gitserver-0 restarts every few minutes and most repositories show "clone in progress".',
  '',
  'kubectl logs gitserver-0 says:',
  '  error: failed to clone: fatal: could not read Username for https://gitlab.acme.com',
].join('\n');

describe('trimEmail leaves out', () => {
  it('a "-- " signature', () => {
    const r = trimEmail(`${PROBLEM}\n\n-- \nJordan Meyers\nPlatform Team Lead | Acme Robotics\n+1 (415) 555-0134\njordan@acme.example`);
    expect(r).toEqual({ text: PROBLEM, removed: ['signature'] });
  });

  it('"Sent from my iPhone" under a closing and a name', () => {
    expect(trimEmail(`${PROBLEM}\n\nThanks,\nPeter\n\nSent from my iPhone`)).toEqual({ text: PROBLEM, removed: ['signature'] });
    expect(trimEmail(`${PROBLEM}\n\nGet Outlook for iOS`).text).toBe(PROBLEM);
  });

  it('"Best regards," with name, title and company', () => {
    const r = trimEmail(`${PROBLEM}\n\nBest regards,\nMei Lin\nStaff SRE\nGlobex Financial\nwww.globex.example`);
    expect(r).toEqual({ text: PROBLEM, removed: ['signature'] });
    expect(trimEmail(`${PROBLEM}\n\nKind regards,\n\nSofie Andersen\nDevOps, Northwind Logistics`).text).toBe(PROBLEM);
    expect(trimEmail(`${PROBLEM}\n\nMit freundlichen Grüßen\nJürgen Weber\nIT-Betrieb`).text).toBe(PROBLEM);
  });

  it('a confidentiality disclaimer after the signature', () => {
    const raw = [
      PROBLEM,
      '',
      'Regards,',
      'Carlos Ruiz',
      'Developer Experience, Umbrella Health',
      '',
      'CONFIDENTIALITY NOTICE: This e-mail message, including any attachments, is for the sole use of the intended',
      'recipient(s) and may contain confidential and privileged information. Any unauthorized review, use, disclosure',
      'or distribution is prohibited.',
      '',
      'This email and any files transmitted with it are confidential and intended solely for the use of the individual',
      'to whom they are addressed.',
    ].join('\n');
    expect(trimEmail(raw)).toEqual({ text: PROBLEM, removed: ['disclaimer', 'signature'] });
  });

  it('a disclaimer glued under the signature, without a blank line', () => {
    const raw = `${PROBLEM}\n\nBest regards,\nMei Lin | Engineering Tools | Globex Financial\nCONFIDENTIAL: This message is intended solely for the addressee.`;
    expect(trimEmail(raw)).toEqual({ text: PROBLEM, removed: ['disclaimer', 'signature'] });
  });

  it('an "On … wrote:" header and the quoted chain below it', () => {
    const raw = `Restart didn't help, still looping for me. HAR file attached.\n\nOn Thu, Nov 26, 2026 at 8:35 AM Marco Lindqvist <support@sourcegraph.com> wrote:\n> As a first step, could you restart the frontend?\n>\n> Best,\n> Marco`;
    expect(trimEmail(raw)).toEqual({ text: "Restart didn't help, still looping for me. HAR file attached.", removed: ['reply-chain'] });
  });

  it('a header wrapped over two lines by the mail client, and the chain and signature together', () => {
    const raw = `The token user can see the project.\n\nThanks,\nJordan\n\nOn Mon, 23 Nov 2026 at 10:02, Dana Whitfield\n<support@sourcegraph.com> wrote:\n\n> Could you confirm which user owns the token?`;
    expect(trimEmail(raw)).toEqual({ text: 'The token user can see the project.', removed: ['reply-chain', 'signature'] });
  });

  it('an Outlook "From: … Sent: … To: … Subject:" chain (with or without its rule line)', () => {
    const chain = 'From: Priya Raman <support@sourcegraph.com>\nSent: Monday, November 23, 2026 10:02 AM\nTo: Sofie Andersen <sofie@northwind.example>\nSubject: RE: GitLab projects not syncing\n\nHi Sofie,\nCould you confirm which GitLab user owns the new token?';
    const answer = 'The new token belongs to svc-sourcegraph, which can see all 212 projects.';
    expect(trimEmail(`${answer}\n\n${chain}`)).toEqual({ text: answer, removed: ['reply-chain'] });
    expect(trimEmail(`${answer}\n\n________________________________\n${chain}`).text).toBe(answer);
    expect(trimEmail(`${answer}\n\n-----Original Message-----\n${chain}`).text).toBe(answer);
  });
});

describe('trimEmail keeps', () => {
  const keeps = (raw: string): void => expect(trimEmail(raw)).toEqual({ text: raw, removed: [] });

  it('a pasted shell session whose lines start with ">"', () => {
    keeps(`${PROBLEM}\n\n$ cat <<EOF > values.yaml\n> gitserver:\n>   replicas: 2\n> EOF\n$ helm upgrade sourcegraph sourcegraph/sourcegraph -f values.yaml`);
  });

  it('an interleaved reply (quoted questions with answers between them)', () => {
    keeps('See my answers inline.\n\n> Which version are you on?\n3.29.1\n\n> Did anything change?\nWe rotated the token on Friday.');
  });

  it('output "wrote:" that is not a reply header (no time, no address), even when quoted lines follow', () => {
    keeps('The migration failed.\n\nOn staging the migrator wrote:\n> ERROR: relation "repo" does not exist');
  });

  it('"Regards", "Thanks" and "Best" inside sentences, and a closing followed by more of the problem', () => {
    keeps('With regards to the indexer: it stops after 10 minutes.\nThanks to the new config it restarts, but search is stale.');
    keeps(`${PROBLEM}\n\nThanks,\n1. Open any Java file\n2. Hover a symbol`);
    keeps(`${PROBLEM}\n\nCheers,\nArt\n\nP.S. the logs from the second node are attached too`);
    keeps(`${PROBLEM}\n\nBest,\nwe also see this on the replica when it fails over to the primary`);
  });

  it('a "--" line inside a code fence, and a signature-like ending inside an open fence', () => {
    keeps(`${PROBLEM}\n\n\`\`\`\nkubectl exec gitserver-0\n--\nsh -c "ls /data/repos"\n\`\`\``);
    keeps(`${PROBLEM}\n\n\`\`\`\nBest regards,\nJane`);
  });

  it('what the customer forwarded, below a forwarded-message marker', () => {
    keeps('Forwarding what our security team got:\n\n---------- Forwarded message ---------\nFrom: GitLab <noreply@gitlab.acme.example>\nDate: Mon, Nov 23, 2026 at 9:00 AM\nSubject: Token expired\nTo: ops@acme.example\n\nYour personal access token "sourcegraph" has expired.');
  });

  it('a message that is all header or closing (it would be left empty)', () => {
    keeps('From: Jordan <jordan@acme.example>\nSent: Monday\nTo: support\nSubject: down\n\nEverything is down since 9:00.');
    keeps('Thanks!');
  });

  it('a disclaimer-like sentence in the middle of the message, or at its end when it is the customer talking', () => {
    keeps('This message is confidential according to the customer, so please do not share the repo names below.\n\nrepo-a fails to index.');
    keeps(`${PROBLEM}\n\nThis message is confidential: please do not share the repo names above outside Sourcegraph.`);
    keeps(`${PROBLEM}\n\nConfidential: the affected repos are acme/payments and acme/ledger`);
  });
});

describe('trimEmail is conservative about names', () => {
  it('keeps a bare name and title with no closing or delimiter above them (they may be the end of the problem)', () => {
    const raw = `${PROBLEM}\n\nArjun\nStaff Engineer – Developer Productivity\nHelix Biotech`;
    expect(trimEmail(raw)).toEqual({ text: raw, removed: [] });
  });
});

describe('trimEmail (properties)', () => {
  it('only ever cuts the end: the result is the start of the message, never empty when the message is not (2,000 cases)', () => {
    const line = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.constantFrom('-- ', '--', 'Thanks,', 'Best regards,', 'Jane Doe', '> quoted', '```', 'Sent from my iPhone', 'On Mon, Jul 12, 2021 at 10:02 AM Sam <s@x.com> wrote:', 'From: Sam <s@x.com>', 'Sent: Monday', 'To: me', 'CONFIDENTIALITY NOTICE:', ''),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const raw = lines.join('\n');
        const { text } = trimEmail(raw);
        expect(raw.startsWith(text)).toBe(true);
        if (raw.trim() !== '') expect(text.trim()).not.toBe('');
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps every sentence of a problem written in prose, whatever signature or chain follows (1,000 cases)', () => {
    const word = fc.constantFrom('the', 'indexer', 'fails', 'after', 'upgrade', 'Search', 'is', 'slow', 'on', 'our', 'GitLab', 'repos', '3.29.1', 'pods');
    const sentence = fc.array(word, { minLength: 6, maxLength: 14 }).map((w) => `${w.join(' ')}.`);
    const tail = fc.constantFrom(
      '',
      '\n\n-- \nJane Doe\nSRE | Acme',
      '\n\nBest regards,\nJane Doe\nStaff Engineer\nAcme Corp',
      '\n\nSent from my iPhone',
      '\n\nCONFIDENTIALITY NOTICE: This e-mail is intended solely for the addressee.',
      '\n\nOn Mon, Jul 12, 2021 at 10:02 AM Sam <s@x.com> wrote:\n> earlier',
      '\n\nFrom: Sam <s@x.com>\nSent: Monday, July 12, 2021 10:02 AM\nTo: Jane\nSubject: RE: search\n\nearlier',
    );
    fc.assert(
      fc.property(fc.array(fc.array(sentence, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }), tail, (paragraphs, end) => {
        const problem = paragraphs.map((p) => p.join('\n')).join('\n\n');
        expect(trimEmail(problem + end).text).toBe(problem);
      }),
      { numRuns: 1000 },
    );
  });
});
