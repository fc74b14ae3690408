// Runs the committed sync bundle (sync/dist/index.js) as a GitHub Actions runner starts a JavaScript action: a Node
// child process with the event in a file named by GITHUB_EVENT_PATH, the inputs as INPUT_<NAME> variables (the name
// upper-cased, hyphens kept: INPUT_ZENDESK-API-TOKEN) and GitHub's default variables. The preview's issue page runs
// it after each engineer action; the drills and the bench run it the same way.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { WebhookEvent } from './issue-page-events.ts';

export interface SyncInputValues {
  'zendesk-subdomain': string;
  'zendesk-email': string;
  'zendesk-api-token': string;
  'zendesk-api-url'?: string;
  'reopen-on-close'?: 'true' | 'false';
  comments?: 'all' | 'none';
  'ignore-actors'?: string;
  /** The runner fills it from `${{ github.token }}` (the default in action.yml). */
  'github-token': string;
}

/** The inputs that point the action at a running preview: its account, its API token and URL, a stand-in token. */
export function previewSyncInputs(
  preview: { url: string; zendeskApi: { email: string; token: string } },
  subdomain: string,
  githubToken: string,
): SyncInputValues {
  return {
    'zendesk-subdomain': subdomain,
    'zendesk-email': preview.zendeskApi.email,
    'zendesk-api-token': preview.zendeskApi.token,
    'zendesk-api-url': preview.url.replace(/\/$/, ''),
    'github-token': githubToken,
  };
}

export interface SyncRun {
  /** 0 when the run is green. */
  code: number;
  stdout: string;
  stderr: string;
  /** What the action set with core.setOutput. */
  outputs: Record<string, string>;
}

export interface RunOptions {
  repoRoot: string;
  event: WebhookEvent;
  inputs: SyncInputValues;
  /** GITHUB_API_URL: the stand-in's REST root over HTTP. */
  githubApiUrl: string;
  /** Extra environment (ENGAGE_SYNC_BACKOFF_MS in drills). */
  env?: Record<string, string>;
}

/** The defaults action.yml declares, which the runner supplies for inputs a workflow leaves out. */
const DEFAULTS: Partial<SyncInputValues> = { 'reopen-on-close': 'false', comments: 'all', 'ignore-actors': '', 'zendesk-api-url': '' };

function parseOutputs(text: string): Record<string, string> {
  // The runner's file-command format: `name<<DELIMITER\nvalue\nDELIMITER`.
  const out: Record<string, string> = {};
  const re = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) out[m[1]!] = m[3]!;
  return out;
}

export async function runSyncBundle(options: RunOptions): Promise<SyncRun> {
  const dir = await mkdtemp(join(tmpdir(), 'engage-sync-run-'));
  try {
    const eventPath = join(dir, 'event.json');
    const outputPath = join(dir, 'output');
    await writeFile(eventPath, JSON.stringify(options.event.payload));
    await writeFile(outputPath, '');
    const repository = options.event.payload.repository as { full_name?: string } | undefined;
    const inputs = { ...DEFAULTS, ...options.inputs };
    const env: Record<string, string> = {
      // Only what a runner gives a step: nothing of this process's own environment leaks in.
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dir,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: options.event.name,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_OUTPUT: outputPath,
      GITHUB_API_URL: options.githubApiUrl,
      GITHUB_SERVER_URL: options.githubApiUrl.replace(/\/api$/, ''),
      GITHUB_GRAPHQL_URL: `${options.githubApiUrl}/graphql`,
      GITHUB_REPOSITORY: repository?.full_name ?? '',
      GITHUB_TOKEN: inputs['github-token'],
      GITHUB_RUN_ID: '1',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_WORKFLOW: 'Engage sync',
      GITHUB_ACTOR: String((options.event.payload.sender as { login?: string } | undefined)?.login ?? ''),
      RUNNER_TEMP: dir,
      ...options.env,
    };
    for (const [name, value] of Object.entries(inputs)) {
      if (value !== undefined) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
    }
    const bundle = resolve(options.repoRoot, 'sync', 'dist', 'index.js');
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      execFile(process.execPath, [bundle], { env, cwd: dir, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
        const exit = error ? (typeof (error as { code?: unknown }).code === 'number' ? ((error as { code: number }).code) : 1) : 0;
        done({ code: exit, stdout: String(stdout), stderr: String(stderr) });
      });
    });
    const outputs = parseOutputs(await readFile(outputPath, 'utf8').catch(() => ''));
    return { code, stdout, stderr, outputs };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
