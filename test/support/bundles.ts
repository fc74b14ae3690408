// Ticket bundles written for the drills and the benchmark (Zendesk REST shapes, as in preview/tickets/): a typical
// engineering ticket, a hostile one full of script payloads, and an oversized one. They are written to a temporary
// folder that the preview loads with `--tickets DIR`, so the drills never depend on the shipped fixtures' ids.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TicketBundle, ZendeskAttachment, ZendeskComment, ZendeskUser } from '../../src/core/types/zendesk.ts';

/** Ids far from the shipped fixtures so the two never collide. */
export const TICKET_IDS = {
  typical: 990001,
  hostile: 990002,
  huge: 990003,
  /** A second typical ticket, for drills that need a fresh ticket per scenario (ids 990100..990199). */
  firstSpare: 990100,
} as const;

const ORG_ID = 77001;
const CUSTOMER_ID = 88001;
const AGENT_ID = 88002;

function iso(minutesAfterStart: number): string {
  return new Date(Date.UTC(2026, 10, 23, 9, 0, 0) + minutesAfterStart * 60_000).toISOString().replace('.000Z', 'Z');
}

function attachment(id: number, fileName: string, size: number, contentType = 'text/plain'): ZendeskAttachment {
  return {
    id,
    file_name: fileName,
    content_url: `https://engage-preview.zendesk.com/attachments/token/${id}/?name=${encodeURIComponent(fileName)}`,
    content_type: contentType,
    size,
  };
}

function comment(id: number, authorId: number, body: string, minutes: number, extra: Partial<ZendeskComment> = {}): ZendeskComment {
  return { id, type: 'Comment', author_id: authorId, body, public: true, created_at: iso(minutes), attachments: [], ...extra };
}

function users(customerName: string, agentName: string): ZendeskUser[] {
  return [
    { id: CUSTOMER_ID, name: customerName, email: 'dana.platform@globex.example', role: 'end-user', organization_id: ORG_ID },
    { id: AGENT_ID, name: agentName, email: 'sam.support@sourcegraph.example', role: 'agent', organization_id: null },
  ];
}

/**
 * A typical request for help: a Kubernetes deployment whose gitserver pods are OOM-killed after an upgrade.
 * Clearly Distribution, with environment, repro, recent change, impact and urgency all present.
 */
export function typicalTicket(id: number = TICKET_IDS.typical, subject?: string): TicketBundle {
  return {
    ticket: {
      id,
      url: `https://engage-preview.zendesk.com/api/v2/tickets/${id}.json`,
      subject: subject ?? 'gitserver pods OOMKilled on Kubernetes after upgrading to 5.2.3',
      description: 'Since upgrading our Kubernetes deployment (Helm) from 5.1.8 to 5.2.3 the gitserver pods keep restarting.',
      status: 'open',
      priority: 'high',
      type: 'problem',
      tags: ['kubernetes', 'upgrade'],
      requester_id: CUSTOMER_ID,
      submitter_id: CUSTOMER_ID,
      assignee_id: AGENT_ID,
      organization_id: ORG_ID,
      created_at: iso(0),
      updated_at: iso(95),
      custom_fields: [],
    },
    comments: [
      comment(
        id * 10 + 1,
        CUSTOMER_ID,
        [
          'Hi team,',
          '',
          'Since upgrading our Kubernetes deployment (Helm chart) from 5.1.8 to 5.2.3 yesterday, the gitserver pods keep',
          'getting OOMKilled and restarting every few minutes. Cloning large repositories fails for all users.',
          '',
          'Steps to reproduce:',
          '1. helm upgrade sourcegraph sourcegraph/sourcegraph --version 5.2.3',
          '2. wait for gitserver-0 to start cloning the monorepo',
          '3. kubectl get pods shows gitserver-0 OOMKilled after ~4 minutes',
          '',
          'We run on AWS EKS 1.27 with 3 nodes (m5.2xlarge). Memory limit for gitserver is 8Gi.',
          'This is blocking our developers, we need this fixed before Monday.',
          '',
          'Thanks,',
          'Dana',
        ].join('\n'),
        0,
        { attachments: [attachment(id * 100 + 1, 'gitserver-0.log', 48_213), attachment(id * 100 + 2, 'pods.png', 120_044, 'image/png')] },
      ),
      comment(
        id * 10 + 2,
        AGENT_ID,
        'Thanks Dana, could you send the output of `kubectl describe pod gitserver-0` and your values.yaml overrides?',
        30,
      ),
      comment(
        id * 10 + 3,
        CUSTOMER_ID,
        'Attached. Only gitserver is affected, frontend and searcher look healthy. We did not change anything else.',
        60,
        { attachments: [attachment(id * 100 + 3, 'describe-gitserver-0.txt', 9_812), attachment(id * 100 + 4, 'values.yaml', 2_204)] },
      ),
      comment(
        id * 10 + 4,
        AGENT_ID,
        'Internal: reproduced the memory growth on a test cluster with a 30 GB monorepo; looks like the new clone path.',
        95,
        { public: false },
      ),
    ],
    users: users('Dana Platform', 'Sam Support'),
    organization: { id: ORG_ID, name: 'Globex Corporation', tags: ['enterprise'], domain_names: ['globex.example'], organization_fields: {} },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Hostile text
// ---------------------------------------------------------------------------------------------------------------

/**
 * Script payloads. Each one, if it ever ran, would call `__xss(<n>)` (a trap the drill installs in every frame),
 * open a dialog, or leave an element carrying `data-xss` in the DOM — so a single execution or injection is seen.
 */
export function xssPayloads(): string[] {
  const p: string[] = [];
  const add = (make: (n: number) => string) => p.push(make(p.length + 1));
  add((n) => `<script>__xss(${n})</script>`);
  add((n) => `<img src=x onerror=__xss(${n}) data-xss=${n}>`);
  add((n) => `<svg onload=__xss(${n}) data-xss=${n}>`);
  add((n) => `"><script>__xss(${n})</script>`);
  add((n) => `'><img src=x onerror=__xss(${n}) data-xss=${n}>`);
  add((n) => `<a href="javascript:__xss(${n})" data-xss=${n}>click</a>`);
  add((n) => `<iframe src="javascript:parent.__xss(${n})" data-xss=${n}></iframe>`);
  add((n) => `<body onload=__xss(${n})>`);
  add((n) => `<details open ontoggle=__xss(${n}) data-xss=${n}>x</details>`);
  add((n) => `<video><source onerror=__xss(${n}) data-xss=${n}></video>`);
  add((n) => `<math><mtext></p><script>__xss(${n})</script></mtext></math>`);
  add((n) => `{{constructor.constructor('__xss(${n})')()}}`);
  add((n) => `\${__xss(${n})}`);
  add((n) => `[click me](javascript:__xss(${n}))`);
  add((n) => `<style>@import 'javascript:__xss(${n})';</style><b data-xss=${n}>x</b>`);
  add((n) => `<object data="javascript:__xss(${n})" data-xss=${n}></object>`);
  add((n) => `<embed src="javascript:__xss(${n})" data-xss=${n}>`);
  add((n) => `<input autofocus onfocus=__xss(${n}) data-xss=${n}>`);
  add((n) => `<marquee onstart=__xss(${n}) data-xss=${n}>x</marquee>`);
  add((n) => `'-__xss(${n})-'`);
  add((n) => `</textarea><script>__xss(${n})</script>`);
  add((n) => `</title><script>__xss(${n})</script>`);
  add((n) => `<img src="x" onerror="&#95;&#95;xss(${n})" data-xss=${n}>`);
  add((n) => `<svg><animate onbegin=__xss(${n}) attributeName=x dur=1s data-xss=${n}>`);
  add((n) => `<form><button formaction=javascript:__xss(${n}) data-xss=${n}>X</button></form>`);
  add((n) => `<img src=1 onerror=__xss&#40;${n}&#41; data-xss=${n}>`);
  add((n) => `<scr<script>ipt>__xss(${n})</scr</script>ipt>`);
  add((n) => `<<script>__xss(${n});//<</script>`);
  add((n) => `<svg/onload=__xss(${n}) data-xss=${n}>`);
  add((n) => `<img srcset=",,,,,x" onerror=__xss(${n}) data-xss=${n}>`);
  add((n) => `<link rel=stylesheet href="javascript:__xss(${n})" data-xss=${n}>`);
  add((n) => `<meta http-equiv="refresh" content="0;url=javascript:__xss(${n})" data-xss=${n}>`);
  add((n) => `<base href="javascript:__xss(${n})//" data-xss=${n}>`);
  add((n) => `<noscript><p title="</noscript><img src=x onerror=__xss(${n}) data-xss=${n}>">`);
  add((n) => `<svg><script>__xss(${n})</script></svg>`);
  add((n) => `<div style="background:url(javascript:__xss(${n}))" data-xss=${n}>x</div>`);
  add((n) => `<img src=x onerror=eval('__xss(${n})') data-xss=${n}>`);
  add((n) => `<script src="data:text/javascript,__xss(${n})"></script>`);
  add((n) => `javascript:__xss(${n})`);
  add((n) => `<a href="data:text/html,<script>parent.__xss(${n})</script>" data-xss=${n}>x</a>`);
  add((n) => `<img src=x onerror=alert(${n}) data-xss=${n}>`);
  add((n) => `<script>alert(${n})</script>`);
  add((n) => `<svg><foreignObject><iframe srcdoc="<script>parent.__xss(${n})</script>" data-xss=${n}></iframe></foreignObject></svg>`);
  add((n) => `<iframe srcdoc="&lt;script&gt;parent.__xss(${n})&lt;/script&gt;" data-xss=${n}></iframe>`);
  add((n) => `<table background="javascript:__xss(${n})" data-xss=${n}><tr><td>x</td></tr></table>`);
  add((n) => `<select autofocus onfocus=__xss(${n}) data-xss=${n}><option>x</option></select>`);
  add((n) => `<textarea autofocus onfocus=__xss(${n}) data-xss=${n}>x</textarea>`);
  add((n) => `<keygen autofocus onfocus=__xss(${n}) data-xss=${n}>`);
  add((n) => `<xss-el onpointerover=__xss(${n}) style="display:block;position:fixed;inset:0" data-xss=${n}>x</xss-el>`);
  add((n) => `<!--<img src=x onerror=__xss(${n}) data-xss=${n}>-->`);
  add((n) => `<![CDATA[<script>__xss(${n})</script>]]>`);
  add((n) => `<img src="x` + '\u0000' + `" onerror=__xss(${n}) data-xss=${n}>`);
  add((n) => `<a href="&#106;avascript:__xss(${n})" data-xss=${n}>x</a>`);
  add((n) => `<a href="  JaVaScRiPt:__xss(${n})" data-xss=${n}>x</a>`);
  add((n) => `<svg><a xlink:href="javascript:__xss(${n})" data-xss=${n}><text y=20>x</text></a></svg>`);
  add((n) => `<div dangerouslySetInnerHTML={{__html:'<img src=x onerror=__xss(${n})>'}}></div>`);
  add((n) => `" onmouseover="__xss(${n})" data-xss="${n}`);
  add((n) => `<img src=x onerror=__xss(${n}) data-xss=${n}>.log`);
  return p;
}

/**
 * A ticket with the payloads spread over every field the app shows or quotes: subject, comment bodies (public and
 * internal), the organisation, user names, attachment file names and URLs, tags.
 */
export function hostileTicket(id: number = TICKET_IDS.hostile): { bundle: TicketBundle; payloads: string[] } {
  const payloads = xssPayloads();
  const take = (i: number) => payloads[i % payloads.length] as string;
  const comments: ZendeskComment[] = [];
  let a = 0;
  payloads.forEach((payload, i) => {
    comments.push(
      comment(id * 1000 + i, i % 3 === 2 ? AGENT_ID : CUSTOMER_ID, `Our Kubernetes deployment fails: ${payload}\n\n> quoted ${payload}`, i, {
        public: i % 5 !== 4,
        attachments: i % 4 === 0 ? [attachment(id * 1000 + a++, `${payload}.log`, 1000 + i)] : [],
      }),
    );
  });
  const bundle: TicketBundle = {
    ticket: {
      id,
      subject: `${take(0)} gitserver crash on Kubernetes ${take(1)}`,
      description: take(2),
      status: 'open',
      priority: 'normal',
      type: 'problem',
      tags: ['kubernetes'],
      requester_id: CUSTOMER_ID,
      organization_id: ORG_ID,
      created_at: iso(0),
      updated_at: iso(payloads.length),
      custom_fields: [],
    },
    comments,
    users: users(`Dana ${take(3)}`, `Sam ${take(4)}`),
    organization: { id: ORG_ID, name: `Globex ${take(1)}`, tags: [], domain_names: ['globex.example'], organization_fields: {} },
  };
  return { bundle, payloads };
}

// ---------------------------------------------------------------------------------------------------------------
// Oversized ticket
// ---------------------------------------------------------------------------------------------------------------

/** A log line of plain text (about 120 characters) with the details a real gitserver log has. */
function logLine(i: number): string {
  const ts = new Date(Date.UTC(2026, 10, 23, 9, 0, 0) + i * 1234).toISOString();
  return `${ts} WARN gitserver.clone repo=github.com/globex/monorepo-${i % 37} attempt=${i % 5} err="context deadline exceeded" bytes=${i * 7919}`;
}

/**
 * 500 comments, and about `textBytes` (default 2 MB) of pasted log text spread over them, plus text attachments of
 * the same total size. The issue must still respect GitHub's 65,536-character limit (body plus follow-ups).
 */
export function hugeTicket(id: number = TICKET_IDS.huge, commentCount = 500, textBytes = 2_000_000): TicketBundle {
  const perComment = Math.ceil(textBytes / commentCount);
  const comments: ZendeskComment[] = [];
  let line = 0;
  for (let i = 0; i < commentCount; i++) {
    const lines: string[] = [i === 0 ? 'gitserver keeps crashing on Kubernetes, logs below.' : `Update ${i}: more logs from gitserver-${i % 3}.`];
    let size = lines[0]!.length;
    while (size < perComment) {
      const l = logLine(line++);
      lines.push(l);
      size += l.length + 1;
    }
    lines.push(`END-OF-COMMENT-${i}`);
    comments.push(
      comment(id * 1000 + i, i % 2 === 0 ? CUSTOMER_ID : AGENT_ID, lines.join('\n'), i, {
        attachments: i % 50 === 0 ? [attachment(id * 1000 + i, `gitserver-${i}.log`, Math.round(textBytes / 10))] : [],
      }),
    );
  }
  return {
    ticket: {
      id,
      subject: 'gitserver crash loop on Kubernetes with very long logs',
      status: 'open',
      priority: 'high',
      type: 'problem',
      tags: [],
      requester_id: CUSTOMER_ID,
      organization_id: ORG_ID,
      created_at: iso(0),
      updated_at: iso(commentCount),
      custom_fields: [],
    },
    comments,
    users: users('Dana Platform', 'Sam Support'),
    organization: { id: ORG_ID, name: 'Globex Corporation', tags: [], domain_names: ['globex.example'], organization_fields: {} },
  };
}

/** Write bundles into a fresh temporary folder (one file per bundle) and return the folder, for `--tickets`. */
export function writeTicketsDir(bundles: TicketBundle[], prefix = 'engage-drill-tickets-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const b of bundles) writeFileSync(join(dir, `ticket-${b.ticket.id}.json`), JSON.stringify(b, null, 1));
  return dir;
}

/** Several typical tickets with consecutive ids, for drills that need a fresh ticket per iteration. */
export function spareTickets(count: number, firstId: number = TICKET_IDS.firstSpare): TicketBundle[] {
  return Array.from({ length: count }, (_, i) => typicalTicket(firstId + i, `gitserver pods OOMKilled on Kubernetes (case ${i + 1})`));
}
