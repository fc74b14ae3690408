// Typed view of the ZAF SDK client (npm `zendesk_app_framework_sdk` 2.0.11 ships no types). Only what Engage uses
// is typed; everything else in the app talks to Zendesk through this interface, so tests can hand in a fake.

export interface ZafContext {
  instanceGuid: string;
  product: string;
  account: { subdomain: string };
  location: string;
  ticketId?: number;
}

export interface ZafMetadata {
  appId: number;
  installationId: number;
  name: string;
  version: string;
  /** Non-secure settings only: secure ones (the GitHub token) are never sent to the browser. */
  settings: Record<string, unknown>;
}

/** Options of `client.request` (jQuery-ajax-like, as ZAF forwards them to its proxy). */
export interface ZafRequestOptions {
  url: string;
  type?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  data?: string;
  contentType?: string;
  dataType?: 'json' | 'text';
  /** With `secure: true` Zendesk's proxy replaces `{{setting.<name>}}` with the secure setting, server-side. */
  secure?: boolean;
  cors?: boolean;
  httpCompleteResponse?: boolean;
  timeout?: number;
}

/** What `client.request` resolves with when `httpCompleteResponse: true`. */
export interface ZafCompleteResponse {
  status: number;
  headers: Record<string, string>;
  responseText?: string;
  responseJSON?: unknown;
}

/** What `client.request` rejects with. */
export interface ZafRequestError {
  status: number;
  statusText?: string;
  responseText?: string;
  responseJSON?: unknown;
  headers?: Record<string, string>;
}

export type ZafGetResult = { errors: Record<string, { message: string; name?: string; path?: string }> } & Record<
  string,
  unknown
>;

export interface ZafClient {
  context(): Promise<ZafContext>;
  metadata(): Promise<ZafMetadata>;
  get(path: string | string[]): Promise<ZafGetResult>;
  set(path: string, value: unknown): Promise<ZafGetResult>;
  invoke(name: string, ...args: unknown[]): Promise<ZafGetResult>;
  request<T = unknown>(options: ZafRequestOptions): Promise<T>;
  on(event: string, handler: (data: unknown) => void): void;
  off(event: string, handler: (data: unknown) => void): void;
  trigger(event: string, data?: unknown): void;
}
