// The candidate issues as GitHub's REST API returns them (search results or `GET /repos/{o}/{r}/issues`): only the
// fields ranking reads are checked; every problem names the array index, the issue number and the field.
import { isRecord } from '../guards.ts';

export interface CandidateIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  labels: string[];
  updatedAt: string;
  closedAt: string | null;
  comments: number;
  url: string;
  /** `owner/repo` from `repository_url` or `html_url`, when GitHub gave one. */
  repo: string | null;
}

const REPO_IN_URL = /(?:repos\/|github\.com\/)([^/\s]+\/[^/\s]+?)(?:\/issues\b|$)/;

function issueAt(raw: unknown, i: number, problems: string[]): CandidateIssue | null {
  const where = `[${i}]`;
  if (!isRecord(raw)) {
    problems.push(`${where}: must be an issue object, got ${raw === null ? 'null' : typeof raw}`);
    return null;
  }
  const name = typeof raw.number === 'number' ? `${where} issue #${raw.number}` : where;
  const bad = (field: string, expected: string) => problems.push(`${name}: "${field}" must be ${expected}`);
  const before = problems.length;
  if (typeof raw.number !== 'number' || !Number.isInteger(raw.number) || raw.number < 1) bad('number', 'a positive whole number');
  if (typeof raw.title !== 'string') bad('title', 'a string');
  if (raw.body !== undefined && raw.body !== null && typeof raw.body !== 'string') bad('body', 'a string or null');
  if (raw.state !== 'open' && raw.state !== 'closed') bad('state', '"open" or "closed"');
  if (typeof raw.updated_at !== 'string' || Number.isNaN(Date.parse(raw.updated_at))) bad('updated_at', 'an ISO 8601 time');
  if (raw.closed_at !== undefined && raw.closed_at !== null && (typeof raw.closed_at !== 'string' || Number.isNaN(Date.parse(raw.closed_at)))) {
    bad('closed_at', 'an ISO 8601 time or null');
  }
  const labels: string[] = [];
  if (raw.labels !== undefined) {
    if (!Array.isArray(raw.labels)) bad('labels', 'an array');
    else
      for (const l of raw.labels) {
        // GitHub gives label objects; a plain name is accepted too (hand-written fixtures, other endpoints).
        if (typeof l === 'string') labels.push(l);
        else if (isRecord(l) && typeof l.name === 'string') labels.push(l.name);
        else bad('labels', 'label objects with a "name"');
      }
  }
  if (problems.length > before) return null;
  const url = typeof raw.html_url === 'string' ? raw.html_url : '';
  const repoSource = typeof raw.repository_url === 'string' ? raw.repository_url : url;
  return {
    number: raw.number as number,
    title: raw.title as string,
    body: typeof raw.body === 'string' ? raw.body : '',
    state: raw.state as 'open' | 'closed',
    labels,
    updatedAt: raw.updated_at as string,
    closedAt: typeof raw.closed_at === 'string' ? raw.closed_at : null,
    comments: typeof raw.comments === 'number' ? raw.comments : 0,
    url,
    repo: REPO_IN_URL.exec(repoSource)?.[1] ?? null,
  };
}

/** An array of issues, or a search response (`{"items": [...]}`); bad entries are problems, the rest are kept. */
export function parseIssues(json: unknown): { issues: CandidateIssue[]; problems: string[] } {
  const list = isRecord(json) && Array.isArray(json.items) ? json.items : json;
  if (!Array.isArray(list)) return { issues: [], problems: ['must be a JSON array of GitHub issue objects (or a search response with "items")'] };
  const problems: string[] = [];
  const issues: CandidateIssue[] = [];
  list.forEach((raw, i) => {
    const issue = issueAt(raw, i, problems);
    if (issue) issues.push(issue);
  });
  return { issues, problems };
}
