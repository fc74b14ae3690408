// Reading a file's worth of ticket bundles, as the command line (and the preview's `--tickets`) take them: one
// bundle, an array of bundles, or JSON lines. Each bundle is checked by core/bundle.ts; a bad one is reported
// with its line and the others still load.
import { BundleError, parseBundle } from '../core/bundle.ts';
import { errorMessage, isRecord } from '../core/guards.ts';
import type { TicketBundle } from '../core/types/zendesk.ts';

function lineAndColumn(text: string, position: number): string {
  let line = 1;
  let lastBreak = -1;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lastBreak = i;
    }
  }
  return `line ${line}, column ${position - lastBreak}`;
}

function jsonError(e: unknown, text: string): string {
  const message = errorMessage(e);
  const m = /position (\d+)/.exec(message);
  return m ? `${message.replace(/ in JSON at position \d+.*$/, '')} (${lineAndColumn(text, Number(m[1]))})` : message;
}

function firstLineIsObject(line: string): boolean {
  try {
    const v: unknown = JSON.parse(line);
    return isRecord(v);
  } catch {
    return false;
  }
}

/**
 * Read a file's worth of bundles: one bundle object, an array of bundles, or JSON lines (one bundle per line).
 * Bad bundles are reported one by one; the good ones are still returned.
 */
export function parseBundleFile(text: string, source: string): { bundles: TicketBundle[]; errors: BundleError[] } {
  const bundles: TicketBundle[] = [];
  const errors: BundleError[] = [];
  const stripped = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (stripped.trim() === '') {
    errors.push(new BundleError('is empty: expected a ticket bundle, an array of bundles or JSON lines', '', { source }));
    return { bundles, errors };
  }
  let whole: unknown;
  let wholeError: unknown = null;
  try {
    whole = JSON.parse(stripped);
  } catch (e) {
    wholeError = e;
  }
  const take = (json: unknown, index: number | undefined, lineSource: string): void => {
    try {
      bundles.push(parseBundle(json, lineSource, index));
    } catch (e) {
      if (e instanceof BundleError) errors.push(e);
      else throw e;
    }
  };
  if (wholeError === null) {
    if (Array.isArray(whole)) whole.forEach((b, i) => take(b, i, source));
    else take(whole, undefined, source);
    return { bundles, errors };
  }
  // Not one JSON document: JSON lines, if there are several lines and the first one is a JSON object by itself.
  const lines = stripped.split('\n');
  const nonEmpty = lines.filter((l) => l.trim() !== '');
  if (nonEmpty.length > 1 && firstLineIsObject(nonEmpty[0] as string)) {
    let index = 0;
    lines.forEach((line, n) => {
      if (line.trim() === '') return;
      const at = `${source}:${n + 1}`;
      try {
        take(JSON.parse(line), index, at);
      } catch (e) {
        errors.push(new BundleError(`is not valid JSON: ${jsonError(e, line)}`, '', { source: at, index }));
      }
      index++;
    });
    return { bundles, errors };
  }
  errors.push(new BundleError(`is not valid JSON: ${jsonError(wholeError, stripped)}`, '', { source }));
  return { bundles, errors };
}
