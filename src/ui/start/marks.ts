// User Timing marks at the steps of the first view (`engage:registered`, `engage:ticket-loaded`...). They cost
// nothing that matters, show up in DevTools' performance panel, and `npm run bench` reads them to say where the
// time to the suggestions goes.
export function mark(step: string): void {
  try {
    performance.mark(`engage:${step}`);
  } catch {
    // No User Timing (very old hosts): the marks are a diagnosis aid, never a reason to fail.
  }
}
