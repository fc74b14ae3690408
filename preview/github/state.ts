// The stand-in's records and how GitHub renders them as JSON (field for field what the REST API returns for the
// issue, issue-comment, label, simple-user, full-repository and private-user schemas of the committed subset).

export type Permission = 'admin' | 'write' | 'read';

export interface UserRecord {
  login: string;
  id: number;
  type: 'User' | 'Organization';
  name: string | null;
  createdAt: string;
}

export interface LabelRecord {
  id: number;
  name: string;
  color: string;
  description: string | null;
  default: boolean;
}

export interface CommentRecord {
  id: number;
  body: string;
  user: UserRecord;
  authorAssociation: AuthorAssociation;
  createdAt: string;
  updatedAt: string;
}

export type AuthorAssociation = 'OWNER' | 'MEMBER' | 'COLLABORATOR' | 'CONTRIBUTOR' | 'NONE';

export interface IssueRecord {
  id: number;
  number: number;
  title: string;
  body: string | null;
  user: UserRecord;
  authorAssociation: AuthorAssociation;
  labels: LabelRecord[];
  assignees: string[];
  state: 'open' | 'closed';
  stateReason: 'completed' | 'not_planned' | 'duplicate' | 'reopened' | null;
  locked: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  closedBy: UserRecord | null;
  comments: CommentRecord[];
  /** Wall-clock ms from which search finds the issue (GitHub's index lags creation). */
  searchableFrom: number;
}

export interface RepoRecord {
  owner: UserRecord;
  name: string;
  id: number;
  private: boolean;
  description: string;
  permission: Permission;
  labels: LabelRecord[];
  issues: IssueRecord[];
  createdAt: string;
  pushedAt: string;
}

/** GitHub's timestamps: ISO 8601 in UTC, whole seconds. */
export function timestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function nodeId(prefix: string, id: number): string {
  return prefix + Buffer.from(`engage-standin:${id}`).toString('base64url');
}

/** GitHub's default labels of a new repository. */
export const DEFAULT_LABELS: ReadonlyArray<{ name: string; color: string; description: string }> = [
  { name: 'bug', color: 'd73a4a', description: "Something isn't working" },
  { name: 'documentation', color: '0075ca', description: 'Improvements or additions to documentation' },
  { name: 'duplicate', color: 'cfd3d7', description: 'This issue or pull request already exists' },
  { name: 'enhancement', color: 'a2eeef', description: 'New feature or request' },
  { name: 'good first issue', color: '7057ff', description: 'Good for newcomers' },
  { name: 'help wanted', color: '008672', description: 'Extra attention is needed' },
  { name: 'invalid', color: 'e4e669', description: "This doesn't seem right" },
  { name: 'question', color: 'd876e3', description: 'Further information is requested' },
  { name: 'wontfix', color: 'ffffff', description: 'This will not be worked on' },
];

export class Urls {
  constructor(
    readonly api: string,
    readonly html: string,
  ) {}
  repo(repo: RepoRecord): string {
    return `${this.api}/repos/${repo.owner.login}/${repo.name}`;
  }
  repoHtml(repo: RepoRecord): string {
    return `${this.html}/${repo.owner.login}/${repo.name}`;
  }
  issue(repo: RepoRecord, issue: IssueRecord): string {
    return `${this.repo(repo)}/issues/${issue.number}`;
  }
  issueHtml(repo: RepoRecord, issue: IssueRecord): string {
    return `${this.repoHtml(repo)}/issues/${issue.number}`;
  }
}

export function userJson(user: UserRecord, urls: Urls): Record<string, unknown> {
  const api = `${urls.api}/users/${user.login}`;
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId(user.type === 'User' ? 'U_' : 'O_', user.id),
    // Served locally (never the internet): the preview has no avatars and browsers just show a broken image.
    avatar_url: `${urls.html}/avatars/u/${user.id}`,
    gravatar_id: '',
    url: api,
    html_url: `${urls.html}/${user.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

export function labelJson(repo: RepoRecord, label: LabelRecord, urls: Urls): Record<string, unknown> {
  return {
    id: label.id,
    node_id: nodeId('LA_', label.id),
    url: `${urls.repo(repo)}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: label.default,
    description: label.description,
  };
}

function reactions(url: string): Record<string, unknown> {
  return { url, total_count: 0, '+1': 0, '-1': 0, laugh: 0, hooray: 0, confused: 0, heart: 0, rocket: 0, eyes: 0 };
}

export function issueJson(repo: RepoRecord, issue: IssueRecord, urls: Urls): Record<string, unknown> {
  const url = urls.issue(repo, issue);
  const assignees = issue.assignees.map((login) => userJson(assigneeRecord(login), urls));
  return {
    url,
    repository_url: urls.repo(repo),
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: urls.issueHtml(repo, issue),
    id: issue.id,
    node_id: nodeId('I_', issue.id),
    number: issue.number,
    title: issue.title,
    user: userJson(issue.user, urls),
    labels: issue.labels.map((l) => labelJson(repo, l, urls)),
    state: issue.state,
    locked: issue.locked,
    assignee: assignees[0] ?? null,
    assignees,
    milestone: null,
    comments: issue.comments.length,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    author_association: issue.authorAssociation,
    type: null,
    active_lock_reason: null,
    sub_issues_summary: { total: 0, completed: 0, percent_completed: 0 },
    issue_dependencies_summary: { blocked_by: 0, total_blocked_by: 0, blocking: 0, total_blocking: 0 },
    body: issue.body,
    closed_by: issue.closedBy ? userJson(issue.closedBy, urls) : null,
    reactions: reactions(`${url}/reactions`),
    timeline_url: `${url}/timeline`,
    performed_via_github_app: null,
    state_reason: issue.stateReason,
  };
}

export function commentJson(repo: RepoRecord, issue: IssueRecord, comment: CommentRecord, urls: Urls): Record<string, unknown> {
  const url = `${urls.repo(repo)}/issues/comments/${comment.id}`;
  return {
    url,
    html_url: `${urls.issueHtml(repo, issue)}#issuecomment-${comment.id}`,
    issue_url: urls.issue(repo, issue),
    id: comment.id,
    node_id: nodeId('IC_', comment.id),
    user: userJson(comment.user, urls),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: comment.authorAssociation,
    body: comment.body,
    reactions: reactions(`${url}/reactions`),
    performed_via_github_app: null,
  };
}

/** Assignees are known only by login in the stand-in: give each a stable made-up id. */
export function assigneeRecord(login: string): UserRecord {
  let hash = 0;
  for (const ch of login.toLowerCase()) hash = (hash * 31 + ch.charCodeAt(0)) % 9_000_000;
  return { login, id: 10_000_000 + hash, type: 'User', name: null, createdAt: '2015-01-01T00:00:00Z' };
}

export function permissionsJson(level: Permission): { admin: boolean; maintain: boolean; push: boolean; triage: boolean; pull: boolean } {
  return {
    admin: level === 'admin',
    maintain: level === 'admin',
    push: level !== 'read',
    triage: level !== 'read',
    pull: true,
  };
}

export function repoJson(repo: RepoRecord, urls: Urls, permission: Permission | null): Record<string, unknown> {
  const api = urls.repo(repo);
  const html = urls.repoHtml(repo);
  const openIssues = repo.issues.filter((i) => i.state === 'open').length;
  const host = new URL(urls.html).host;
  const json: Record<string, unknown> = {
    id: repo.id,
    node_id: nodeId('R_', repo.id),
    name: repo.name,
    full_name: `${repo.owner.login}/${repo.name}`,
    private: repo.private,
    owner: userJson(repo.owner, urls),
    html_url: html,
    description: repo.description,
    fork: false,
    url: api,
    forks_url: `${api}/forks`,
    keys_url: `${api}/keys{/key_id}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    teams_url: `${api}/teams`,
    hooks_url: `${api}/hooks`,
    issue_events_url: `${api}/issues/events{/number}`,
    events_url: `${api}/events`,
    assignees_url: `${api}/assignees{/user}`,
    branches_url: `${api}/branches{/branch}`,
    tags_url: `${api}/tags`,
    blobs_url: `${api}/git/blobs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    trees_url: `${api}/git/trees{/sha}`,
    statuses_url: `${api}/statuses/{sha}`,
    languages_url: `${api}/languages`,
    stargazers_url: `${api}/stargazers`,
    contributors_url: `${api}/contributors`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    commits_url: `${api}/commits{/sha}`,
    git_commits_url: `${api}/git/commits{/sha}`,
    comments_url: `${api}/comments{/number}`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    contents_url: `${api}/contents/{+path}`,
    compare_url: `${api}/compare/{base}...{head}`,
    merges_url: `${api}/merges`,
    archive_url: `${api}/{archive_format}{/ref}`,
    downloads_url: `${api}/downloads`,
    issues_url: `${api}/issues{/number}`,
    pulls_url: `${api}/pulls{/number}`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    labels_url: `${api}/labels{/name}`,
    releases_url: `${api}/releases{/id}`,
    deployments_url: `${api}/deployments`,
    created_at: repo.createdAt,
    updated_at: repo.pushedAt,
    pushed_at: repo.pushedAt,
    git_url: `git://${host}/${repo.owner.login}/${repo.name}.git`,
    ssh_url: `git@${host}:${repo.owner.login}/${repo.name}.git`,
    clone_url: `${html}.git`,
    svn_url: html,
    homepage: null,
    size: 0,
    stargazers_count: 0,
    watchers_count: 0,
    language: null,
    has_issues: true,
    has_projects: true,
    has_downloads: true,
    has_wiki: false,
    has_pages: false,
    has_discussions: false,
    forks_count: 0,
    mirror_url: null,
    archived: false,
    disabled: false,
    open_issues_count: openIssues,
    license: null,
    allow_forking: !repo.private,
    is_template: false,
    web_commit_signoff_required: false,
    topics: [],
    visibility: repo.private ? 'private' : 'public',
    forks: 0,
    open_issues: openIssues,
    watchers: 0,
    default_branch: 'main',
    temp_clone_token: null,
    organization: userJson(repo.owner, urls),
    network_count: 0,
    subscribers_count: 0,
  };
  if (permission) json.permissions = permissionsJson(permission);
  return json;
}

export function authenticatedUserJson(user: UserRecord, urls: Urls): Record<string, unknown> {
  return {
    ...userJson(user, urls),
    name: user.name,
    company: null,
    blog: '',
    location: null,
    email: null,
    hireable: null,
    bio: null,
    twitter_username: null,
    notification_email: null,
    public_repos: 0,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: user.createdAt,
    updated_at: user.createdAt,
    private_gists: 0,
    total_private_repos: 0,
    owned_private_repos: 0,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: true,
    plan: { name: 'free', space: 976562499, collaborators: 0, private_repos: 10000 },
  };
}
