// The app settings the preview plays the Zendesk admin for, from `engage.settings.json` (or `--settings FILE`;
// format in preview/settings.example.json and the README). Non-secure values reach the app as `metadata.settings`,
// as in Zendesk; secure ones stay in this process and are only substituted into proxied requests, so the token
// never reaches the browser. A secure parameter put under "settings" by mistake is moved and reported for the
// same reason. Without a file the token is env GITHUB_TOKEN, else a random `ghp_preview…` the stand-in accepts.
import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { isRecord } from '../src/core/guards.ts';
import type { ManifestInfo } from './manifest.ts';

export interface PreviewSettings {
  /** Non-secure parameter values. */
  settings: Record<string, unknown>;
  /** Secure parameter values; null = deliberately unset. */
  secure: Record<string, string | null>;
}

export interface LoadedSettings {
  value: PreviewSettings;
  /** Where they came from, for the index page ("defaults", or the file path). */
  source: string;
  problems: string[];
}

export const DEFAULT_SETTINGS_FILE = 'engage.settings.json';

export function previewToken(): string {
  return `ghp_preview${randomBytes(18).toString('hex')}`;
}

/**
 * Validate the settings JSON (file or `PUT /__settings` body). `defaultToken` fills `secure.github_token` when the
 * input does not mention it (null in the input means "no token").
 */
export function normaliseSettings(
  json: unknown,
  manifest: ManifestInfo,
  defaultToken: string | null,
): { value: PreviewSettings; problems: string[] } {
  const problems: string[] = [];
  const settings: Record<string, unknown> = {};
  const secure: Record<string, string | null> = {};
  if (json !== undefined && !isRecord(json)) {
    problems.push('the settings must be a JSON object {"settings": {...}, "secure": {...}}');
    json = {};
  }
  const input = (json ?? {}) as Record<string, unknown>;
  const plain = input.settings ?? {};
  const sec = input.secure ?? {};
  if (!isRecord(plain)) problems.push('"settings" must be an object of parameter values');
  if (!isRecord(sec)) problems.push('"secure" must be an object of secure parameter values');
  for (const [name, value] of Object.entries(isRecord(plain) ? plain : {})) {
    if (name in manifest.secureParameters) {
      problems.push(`"${name}" is a secure parameter: moved from "settings" to "secure" (it never goes to the browser)`);
      secure[name] = typeof value === 'string' ? value : value == null ? null : String(value);
    } else if (value !== null && typeof value === 'object') {
      problems.push(`"settings.${name}" must be a string, number or boolean (ZAF settings are flat), ignored`);
    } else {
      settings[name] = value;
    }
  }
  for (const [name, value] of Object.entries(isRecord(sec) ? sec : {})) {
    if (value !== null && typeof value !== 'string') {
      problems.push(`"secure.${name}" must be a string or null, ignored`);
      continue;
    }
    secure[name] = value;
  }
  if (!('github_token' in secure)) secure.github_token = defaultToken;
  return { value: { settings, secure }, problems };
}

export function loadSettings(
  file: string | undefined,
  cwd: string,
  manifest: ManifestInfo,
  defaultToken: string | null,
): LoadedSettings {
  const path = resolve(cwd, file ?? DEFAULT_SETTINGS_FILE);
  if (!existsSync(path)) {
    const { value } = normaliseSettings(undefined, manifest, defaultToken);
    // A file named on the command line that does not exist is a mistake worth saying out loud.
    return { value, source: 'defaults', problems: file ? [`settings file ${path} not found, using defaults`] : [] };
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (e) {
    const { value } = normaliseSettings(undefined, manifest, defaultToken);
    return { value, source: 'defaults', problems: [`${path}: ${(e as Error).message}; using defaults`] };
  }
  const { value, problems } = normaliseSettings(json, manifest, defaultToken);
  return { value, source: path, problems: problems.map((p) => `${path}: ${p}`) };
}

/** `metadata.settings` as Zendesk builds it: manifest defaults, then the admin's values, never a secure one. */
export function metadataSettings(manifest: ManifestInfo, s: PreviewSettings): Record<string, unknown> {
  const out: Record<string, unknown> = { ...manifest.parameterDefaults };
  for (const [name, value] of Object.entries(s.settings)) {
    if (!(name in manifest.secureParameters)) out[name] = value;
  }
  return out;
}
