// What a person wrote, as opposed to what they pasted: the checklist ticks an item only on prose, never on a log
// line, stack trace, JSON/YAML, code block, quoted config or alert that happens to hold "upgrade", "critical" or a
// version. The mask keeps the text's length and line breaks (pasted parts become spaces), so offsets into it are
// offsets into the cleaned message and evidence still points at the right words. Linear: each line is looked at
// a bounded number of times.
import { isMachineLineStart } from '../text-scan.ts';

export interface Prose {
  /** The text with every non-prose character replaced by a space (same length). */
  text: string;
  /** Whether anything pasted was masked that reads as output (log, trace, command, error JSON): an artifact. */
  pastedOutput: boolean;
}

const FENCE = /^\s*(?:```|~~~)/;
// Stack frames and their headers: "java.lang.NullPointerException", "Caused by: ...", "  at X.y(Z.java:1)".
const TRACE = /^\s*(?:(?:[\w$]+\.){2,}[\w$]*(?:Exception|Error)\b|Caused by:|at [\w$.<>]+\(|File "[^"]+", line \d)/;
// Alert notifications: "[FIRING:1] gitserver: ...", "Status changed to firing", "alertname=...".
const ALERT = /^\s*(?:\[(?:FIRING|RESOLVED|ALERTING|PENDING|OK)\b|(?:alert(?:name)?|severity|labels|annotations)\s*[:=]|(?:status|state)\b[^\n]{0,30}\b(?:firing|alerting|resolved)\b)/i;
// Lines of JSON: braces and brackets alone, or a quoted key.
const JSON_LINE = /^\s*(?:[{}[\]],?\s*$|"[^"\n]{1,80}"\s*:)/;
// A YAML or config line: "key:" opening a block, "key: value" with a one-word or quoted value, "- key: value",
// or a "# comment". A sentence after the colon ("Steps: click X, authenticate") is prose.
const YAML_LINE = /^\s*(?:-\s+)?[\w.-]{1,60}:(?:\s*$|\s+(?:"[^"]*"|'[^']*'|[^\s"']+)\s*(?:#.*)?$)|^\s*#(?!#)/;
const INDENTED = /^(?: {4}|\t)/;
const BLANK = /^\s*$/;
// Inline pastes on a prose line: `code` spans, JSON objects ({"error": ...}) and search filters
// ("type:diff select:commit.diff.added"; not URLs, not "Impact: nobody").
const INLINE = /`[^`\n]*`|\{"[^\n]*?\}(?=[^}"\n]*(?:$|\s))|\{"[^\n]*$|(?<![\w/.-])-?[a-z]+:(?!\/\/)[^\s"',;]+/g;

function blank(line: string): string {
  return ' '.repeat(line.length);
}

/** The prose of a cleaned message (see `Prose`). */
export function proseOf(text: string): Prose {
  const lines = text.split('\n');
  const kind: ('prose' | 'output' | 'config' | 'blank')[] = new Array(lines.length);
  let inFence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (FENCE.test(line)) {
      inFence = !inFence;
      kind[i] = 'config';
    } else if (inFence) kind[i] = 'config';
    else if (BLANK.test(line)) kind[i] = 'blank';
    else if (isMachineLineStart(line) || TRACE.test(line) || ALERT.test(line)) kind[i] = 'output';
    else if (JSON_LINE.test(line)) kind[i] = 'config';
    else kind[i] = 'prose';
  }
  // Indented code: a run of lines indented by four spaces or a tab that starts after a blank line (a list item's
  // continuation follows its item directly, so it stays prose).
  for (let i = 0; i < lines.length; i++) {
    if (kind[i] !== 'prose' || !INDENTED.test(lines[i] as string)) continue;
    const prev = i === 0 ? 'blank' : kind[i - 1];
    if (prev === 'blank' || prev === 'config' || prev === 'output') kind[i] = 'config';
  }
  // YAML: a config-looking line counts when indented or next to another one ("Impact: nobody" alone is prose).
  const yamlish = lines.map((l, i) => kind[i] === 'prose' && YAML_LINE.test(l));
  for (let i = 0; i < lines.length; i++) {
    if (!yamlish[i]) continue;
    const line = lines[i] as string;
    if (/^\s/.test(line) || yamlish[i - 1] === true || yamlish[i + 1] === true || kind[i - 1] === 'config' || kind[i + 1] === 'config') kind[i] = 'config';
  }
  let pastedOutput = false;
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const k = kind[i];
    if (k === 'output') pastedOutput = true;
    if (k === 'config' && /\b(?:error|exception|fail(?:ed|ure)?|fatal|panic|denied|refused|unauthorized)\b/i.test(line)) pastedOutput = true;
    if (k === 'output' || k === 'config') out.push(blank(line));
    else
      out.push(
        line.replace(INLINE, (m) => {
          if (m.startsWith('{')) pastedOutput = true;
          return blank(m);
        }),
      );
  }
  return { text: out.join('\n'), pastedOutput };
}
