// Masking credentials in everything that leaves Zendesk, whatever the tracker: the issue title, body and follow-up
// comments, and the Slack hand-off. Each credential becomes `[masked <kind>]` (secrets.ts finds them) and the text
// around it stays, so `password=hunter2` reads `password=[masked password]`. The ticket keeps the original.
//
// A Masker records, for the agent's preview, what kind was masked and where ("GitHub token in message 2"), with a
// short piece of the masked text around it: never the credential itself.

import { findSecrets, maskFor, mergeSecretSpans, type SecretKind } from './secrets.ts';
import type { MaskedCredential, MaskWhere } from './types/filing.ts';

/** Mask every credential in `text`; `found` lists each one's kind and where its placeholder is in the output. */
export function maskText(text: string): { text: string; found: { kind: SecretKind; start: number; end: number }[] } {
  const spans = mergeSecretSpans(findSecrets(text));
  if (spans.length === 0) return { text, found: [] };
  const found: { kind: SecretKind; start: number; end: number }[] = [];
  let out = '';
  let last = 0;
  for (const s of spans) {
    out += text.slice(last, s.start);
    const mask = maskFor(s.kind);
    found.push({ kind: s.kind, start: out.length, end: out.length + mask.length });
    out += mask;
    last = s.end;
  }
  return { text: out + text.slice(last), found };
}

/** Mask credentials only; for callers that need no record (the hand-off's handle, a one-off line). */
export function maskCredentials(text: string): string {
  return maskText(text).text;
}

const CONTEXT_BEFORE = 32;

/** The placeholder with up to 32 characters of the masked line before it, on one line: "DB_PASSWORD=[masked password]". */
export function maskContext(masked: string, start: number, end: number): string {
  const lineStart = masked.lastIndexOf('\n', start - 1) + 1;
  const from = Math.max(lineStart, start - CONTEXT_BEFORE);
  const before = masked.slice(from, start).replace(/\s+/g, ' ').trimStart();
  return `${from > lineStart ? '…' : ''}${before}${masked.slice(start, end)}`;
}

/** Collects what was masked across the texts of one issue or hand-off, each kind once per place. */
export class MaskLog {
  private readonly seen = new Set<string>();
  private readonly list: MaskedCredential[] = [];

  add(kind: SecretKind, where: MaskWhere, context: string): void {
    const key = `${kind}\u0000${where.part}\u0000${where.index ?? ''}\u0000${context}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push({ kind, where: { ...where }, context });
  }

  get masked(): MaskedCredential[] {
    return this.list.map((m) => ({ ...m, where: { ...m.where } }));
  }
}

/** A masker for one issue or hand-off (private tracker): masks each text and logs what it masked where. */
export class Masker {
  readonly log = new MaskLog();

  mask(text: string, where: MaskWhere): string {
    const result = maskText(text);
    for (const f of result.found) this.log.add(f.kind, where, maskContext(result.text, f.start, f.end));
    return result.text;
  }

  get masked(): MaskedCredential[] {
    return this.log.masked;
  }
}
