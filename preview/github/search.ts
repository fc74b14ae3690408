// The part of GitHub's issue search syntax Engage relies on (finding an issue by a visible marker line), with
// GitHub's tokenised matching: text is split into words at punctuation, so "engage-ticket:1234" finds the words
// engage, ticket, 1234 in that order, and a phrase never matches inside a word.

export interface SearchDocument {
  owner: string;
  repo: string;
  title: string;
  body: string;
  comments: string[];
  labels: string[];
  state: 'open' | 'closed';
  author: string;
  assignees: string[];
  locked: boolean;
  isPrivate: boolean;
}

interface TextTerm {
  kind: 'text';
  words: string[];
  negated: boolean;
  /** Terms joined by OR share a group; a query holds when every group has one term that holds (AND binds them). */
  group: number;
}
interface Qualifier {
  kind: 'qualifier';
  key: string;
  value: string;
  negated: boolean;
}
type Term = TextTerm | Qualifier;

export interface ParsedQuery {
  terms: Term[];
  /** Repositories named with `repo:` (owner/name, as written). */
  repos: string[];
  /** Says what it searches (is:issue, is:pr, is:pull-request, type:issue, type:pr): GitHub requires it since 2025. */
  namesTarget: boolean;
}

const QUALIFIERS = new Set(['repo', 'org', 'user', 'is', 'type', 'state', 'in', 'label', 'no', 'author', 'assignee']);

/** Words as GitHub indexes them: lower-case runs of letters and digits. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

// The "index": issue texts are searched again and again (every filing looks its marker up), and bodies run to
// 64 KB, so their words are kept per text. Bounded, so a long-running preview does not grow without limit.
const INDEX_LIMIT = 20_000;
const index = new Map<string, string[]>();
function indexed(text: string): string[] {
  let found = index.get(text);
  if (!found) {
    if (index.size >= INDEX_LIMIT) index.clear();
    found = words(text);
    index.set(text, found);
  }
  return found;
}

function readValue(q: string, start: number): { value: string; end: number } {
  if (q[start] === '"') {
    const close = q.indexOf('"', start + 1);
    const end = close === -1 ? q.length : close + 1;
    return { value: q.slice(start + 1, close === -1 ? q.length : close), end };
  }
  let end = start;
  while (end < q.length && !/\s/.test(q[end] as string)) end++;
  return { value: q.slice(start, end), end };
}

export function parseQuery(q: string): ParsedQuery {
  const terms: Term[] = [];
  const repos: string[] = [];
  let i = 0;
  let pendingNot = false;
  let groups = 0;
  let orNext = false;
  const text = (words: string[], negated: boolean): void => {
    const last = [...terms].reverse().find((t): t is TextTerm => t.kind === 'text');
    const group = orNext && last ? last.group : groups++;
    orNext = false;
    terms.push({ kind: 'text', words, negated, group });
  };
  while (i < q.length) {
    if (/\s/.test(q[i] as string)) {
      i++;
      continue;
    }
    let negated = pendingNot;
    pendingNot = false;
    if (q[i] === '-' && i + 1 < q.length && !/\s/.test(q[i + 1] as string)) {
      negated = true;
      i++;
    }
    if (q[i] === '"') {
      const { value, end } = readValue(q, i);
      i = end;
      text(words(value), negated);
      continue;
    }
    const key = /^([A-Za-z_-]+):/.exec(q.slice(i));
    if (key && QUALIFIERS.has((key[1] as string).toLowerCase())) {
      const { value, end } = readValue(q, i + key[0].length);
      i = end;
      const name = (key[1] as string).toLowerCase();
      terms.push({ kind: 'qualifier', key: name, value, negated });
      if (name === 'repo') repos.push(value);
      continue;
    }
    const { value, end } = readValue(q, i);
    i = end;
    // Boolean keywords are operators, not words (GitHub's default between terms is AND; OR binds the terms around it).
    if (value === 'AND') continue;
    if (value === 'OR') {
      orNext = true;
      continue;
    }
    if (value === 'NOT') {
      pendingNot = true; // "NOT x" negates the next term
      continue;
    }
    text(words(value), negated);
  }
  const namesTarget = terms.some(
    (t) =>
      t.kind === 'qualifier' &&
      !t.negated &&
      ((t.key === 'is' && ['issue', 'pr', 'pull-request'].includes(t.value.toLowerCase())) ||
        (t.key === 'type' && ['issue', 'pr'].includes(t.value.toLowerCase()))),
  );
  return { terms, repos, namesTarget };
}

function containsPhrase(haystack: string[], phrase: string[]): boolean {
  if (phrase.length === 0) return true;
  outer: for (let start = 0; start + phrase.length <= haystack.length; start++) {
    for (let k = 0; k < phrase.length; k++) if (haystack[start + k] !== phrase[k]) continue outer;
    return true;
  }
  return false;
}

/** Does the document satisfy the query? (`in:` scopes apply to all text terms, as on GitHub.) */
export function matches(query: ParsedQuery, doc: SearchDocument): boolean {
  return matchScore(query, doc) !== null;
}

/**
 * null when the document does not satisfy the query, else how well it matches, for GitHub's "best match" order
 * (its own ranking is not public; this keeps its observable shape: more of the query's terms first, a term in the
 * title counting more than one in the body or comments).
 */
export function matchScore(query: ParsedQuery, doc: SearchDocument): number | null {
  const scopes = new Set<string>();
  for (const t of query.terms) {
    if (t.kind === 'qualifier' && t.key === 'in' && !t.negated) for (const s of t.value.toLowerCase().split(',')) scopes.add(s);
  }
  if (scopes.size === 0) ['title', 'body', 'comments'].forEach((s) => scopes.add(s));
  // Qualifiers first: they are cheap and usually rule most documents out before any text is looked at. Several
  // `repo:` qualifiers name the repositories searched (any of them), as on GitHub; other qualifiers all hold.
  const repos = query.terms.filter((t): t is Qualifier => t.kind === 'qualifier' && t.key === 'repo' && !t.negated);
  if (repos.length > 0 && !repos.some((t) => qualifierHolds(t, doc))) return null;
  for (const term of query.terms) {
    if (term.kind !== 'qualifier' || (term.key === 'repo' && !term.negated)) continue;
    if (qualifierHolds(term, doc) === term.negated) return null;
  }
  const title = scopes.has('title') ? indexed(doc.title) : null;
  const fields: string[][] = [];
  if (scopes.has('body')) fields.push(indexed(doc.body));
  if (scopes.has('comments')) for (const c of doc.comments) fields.push(indexed(c));
  const held = new Map<number, boolean>();
  let score = 0;
  for (const term of query.terms) {
    if (term.kind !== 'text') continue;
    const inTitle = title !== null && containsPhrase(title, term.words);
    const found = inTitle || fields.some((f) => containsPhrase(f, term.words));
    const holds = found !== term.negated;
    held.set(term.group, (held.get(term.group) ?? false) || holds);
    if (found && !term.negated) score += inTitle ? 2 : 1;
  }
  for (const ok of held.values()) if (!ok) return null;
  return score;
}

function qualifierHolds(term: Qualifier, doc: SearchDocument): boolean {
  const value = term.value.toLowerCase();
  switch (term.key) {
    case 'repo':
      return value === `${doc.owner}/${doc.repo}`.toLowerCase();
    case 'org':
    case 'user':
      return value === doc.owner.toLowerCase();
    case 'is':
      if (value === 'issue') return true;
      if (value === 'pr' || value === 'pull-request') return false;
      if (value === 'open' || value === 'closed') return doc.state === value;
      if (value === 'locked') return doc.locked;
      if (value === 'unlocked') return !doc.locked;
      if (value === 'private') return doc.isPrivate;
      if (value === 'public') return !doc.isPrivate;
      return false;
    case 'type':
      return value === 'issue';
    case 'state':
      return doc.state === value;
    case 'in':
      return true; // scopes are applied to the text terms in matches()
    case 'label':
      // A comma-separated list is an OR; several label: qualifiers are an AND.
      return value.split(',').some((name) => doc.labels.some((l) => l.toLowerCase() === name));
    case 'no':
      if (value === 'label') return doc.labels.length === 0;
      if (value === 'assignee') return doc.assignees.length === 0;
      if (value === 'milestone') return true;
      return false;
    case 'author':
      return doc.author.toLowerCase() === value;
    case 'assignee':
      return doc.assignees.some((a) => a.toLowerCase() === value);
    default:
      return false;
  }
}
