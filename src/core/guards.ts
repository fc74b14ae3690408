// Narrowing helpers for values that arrive untyped (JSON, thrown errors), shared by every layer: the pure core,
// the adapters, the UI, the CLI and the preview.

/** A plain JSON object: not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The message of anything thrown: an Error's `message`, else the value as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
