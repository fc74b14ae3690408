// What the preview needs from the app's manifest.json: the domain whitelist (the proxy enforces it like Zendesk),
// which parameters are secure (kept server-side, never in metadata.settings) with their scopes, the non-secure
// defaults (Zendesk hands them to the app when the admin left a parameter empty) and the name/version for metadata.
import { readFileSync } from 'node:fs';
import { isRecord } from '../src/core/guards.ts';

export type SecureScope = 'header' | 'body' | 'url';

export interface ManifestInfo {
  name: string;
  version: string;
  domainWhitelist: string[];
  /** Secure parameter name → where its value may be substituted (null = no `scopes`: anywhere). */
  secureParameters: Record<string, SecureScope[] | null>;
  /** Non-secure parameter name → its manifest default ('' when none). */
  parameterDefaults: Record<string, unknown>;
  /** Where the information came from, or why the fallback is used (shown on the index page). */
  source: string;
}

/** Used while manifest.json is missing or unreadable, so the preview still starts and can say what is wrong. */
export const FALLBACK_MANIFEST: ManifestInfo = {
  name: 'Engage',
  version: '0.0.0',
  domainWhitelist: ['api.github.com'],
  secureParameters: { github_token: ['header'] },
  parameterDefaults: {},
  source: 'built-in fallback (manifest.json not found)',
};

export function manifestInfoFrom(json: unknown, source: string): ManifestInfo {
  if (!isRecord(json)) return { ...FALLBACK_MANIFEST, source: `${source}: not a JSON object, using the fallback` };
  const whitelist = Array.isArray(json.domainWhitelist)
    ? json.domainWhitelist.filter((d): d is string => typeof d === 'string')
    : [];
  const secureParameters: Record<string, SecureScope[] | null> = {};
  const parameterDefaults: Record<string, unknown> = {};
  for (const p of Array.isArray(json.parameters) ? json.parameters : []) {
    if (!isRecord(p) || typeof p.name !== 'string') continue;
    if (p.secure === true) {
      secureParameters[p.name] = Array.isArray(p.scopes)
        ? p.scopes.filter((s): s is SecureScope => s === 'header' || s === 'body' || s === 'url')
        : null;
    } else {
      parameterDefaults[p.name] = p.default ?? '';
    }
  }
  return {
    name: typeof json.name === 'string' ? json.name : FALLBACK_MANIFEST.name,
    version: typeof json.version === 'string' ? json.version : FALLBACK_MANIFEST.version,
    domainWhitelist: whitelist,
    secureParameters,
    parameterDefaults,
    source,
  };
}

export function readManifestInfo(path: string): ManifestInfo {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return FALLBACK_MANIFEST;
  }
  try {
    return manifestInfoFrom(JSON.parse(text) as unknown, path);
  } catch (e) {
    return { ...FALLBACK_MANIFEST, source: `${path}: ${(e as Error).message}; using the fallback` };
  }
}
