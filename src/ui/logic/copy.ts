// Copying the hand-off message. The button may say "Copied" only when the clipboard took exactly this text, so
// every path here answers true only on a positive confirmation, never on "no error was thrown":
//  - the Clipboard API: its promise resolves only once the text is written (a rejection is a failure);
//  - the legacy copy command (Zendesk's iframe may not be allowed the Clipboard API): `execCommand('copy')` returns
//    true when the command ran, even with nothing selected, so the text is put on the clipboard by our own `copy`
//    event listener and only a run of that listener counts.
// On failure the caller keeps the text selected and tells the agent to press Ctrl+C.

/** The part of `navigator.clipboard` used here (injected so that tests can refuse or accept). */
export interface ClipboardLike {
  writeText(text: string): Promise<void>;
}

/** Clipboard API first; when it is missing or refuses, the legacy path. True only when the text was taken. */
export async function copyText(text: string, clipboard: ClipboardLike | undefined, legacy: (() => boolean) | null): Promise<boolean> {
  if (clipboard) {
    try {
      await clipboard.writeText(text);
      return true;
    } catch {
      // refused (no permission in this iframe, document not focused): try the legacy command below
    }
  }
  return legacy ? legacy() : false;
}

/** The page's clipboard when the browser offers one (not on plain http, not in older iframes). */
export function pageClipboard(): ClipboardLike | undefined {
  // Typed as always there, but missing on plain http and in older browsers.
  const clipboard = typeof navigator === 'undefined' ? undefined : (navigator.clipboard as Clipboard | undefined);
  return typeof clipboard?.writeText === 'function' ? clipboard : undefined;
}

/**
 * Select `el`'s text (so that a failure leaves it ready for Ctrl+C) and run the legacy copy command with a `copy`
 * listener that puts `text` on the clipboard itself. True only if that listener ran and its data was accepted.
 */
export function selectAndCopy(el: HTMLTextAreaElement, text: string, doc: Document = el.ownerDocument): boolean {
  el.focus();
  el.select();
  if (text === '') return false;
  let taken = false;
  const onCopy = (event: Event): void => {
    const data = (event as ClipboardEvent).clipboardData;
    if (!data) return;
    data.setData('text/plain', text);
    // setData silently ignores a write outside a real copy event: read it back before counting it.
    taken = data.getData('text/plain') === text;
    if (taken) event.preventDefault();
  };
  doc.addEventListener('copy', onCopy, true);
  try {
    return doc.execCommand('copy') && taken;
  } catch {
    return false;
  } finally {
    doc.removeEventListener('copy', onCopy, true);
  }
}
