// Polling outside `expect.poll`: for helpers that the benchmark and the screenshot script share with the tests,
// which run outside vitest.

/**
 * Poll `check` every 100 ms until it holds. A check that throws (an element detached by a re-render) counts as not
 * yet; the last error is named if time runs out.
 */
export async function waitUntil(check: () => Promise<boolean>, options: { what: string; timeoutMs?: number }): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      if (await check()) return;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      const why = lastError === undefined ? '' : ` (last error: ${lastError instanceof Error ? lastError.message.split('\n')[0] : String(lastError)})`;
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${options.what}${why}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
