// The ZAF SDK (npm `zendesk_app_framework_sdk` 2.0.11) is CommonJS and ships no types. `init()` returns the client,
// or `false` when the page was not opened by Zendesk (no `origin` / `app_guid` in the URL): see src/zaf/client.ts.
declare module 'zendesk_app_framework_sdk' {
  const ZAFClient: {
    init(callback?: (context: unknown) => void): import('./zaf/client.ts').ZafClient | false;
  };
  export default ZAFClient;
}
