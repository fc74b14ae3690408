// "Copied" only when the clipboard took the text. The browser's clipboard is the one part faked here (happy-dom has
// none): a Clipboard API that accepts or refuses, and an `execCommand('copy')` that either does nothing (returns
// true all the same, as a browser does with nothing selected) or fires a real `copy` event with a clipboardData
// that keeps what was set. The copy logic and the hand-off box under test are the real ones.
import { domWindow } from './ui-dom.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { ThemeProvider } from '@zendeskgarden/react-theming';
import { copyText, selectAndCopy } from '../../src/ui/logic/copy.ts';
import { createTranslator, type Dictionary } from '../../src/ui/logic/i18n.ts';
import { HandoffBox } from '../../src/ui/panel/Handoff.tsx';
import { themeFor } from '../../src/ui/shell/GardenTheme.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const doc = domWindow.document as unknown as Document;
const en = { ui: JSON.parse(readFileSync(join(import.meta.dirname, '../../translations/en.json'), 'utf8')).ui as Dictionary };
const t = createTranslator('en', en, en);
const MESSAGE = '@search-core-support: Acme needs help with zoekt (issue link below)';

/** What the system clipboard holds after the fake copy command (null: nothing was written). */
let systemClipboard: string | null = null;

/** A data transfer that keeps what is set, like the one a real `copy` event carries. */
function transfer(keeps: boolean): Pick<DataTransfer, 'setData' | 'getData'> {
  const data = new Map<string, string>();
  return { setData: (k, v) => void (keeps ? data.set(k, v) : undefined), getData: (k) => data.get(k) ?? '' };
}

/** `execCommand('copy')` as a browser runs it: 'event' fires `copy` and writes what its listener set. */
function fakeCopyCommand(mode: 'event' | 'true-without-event' | 'false' | 'throws' | 'event-ignores-data'): void {
  systemClipboard = null;
  (doc as unknown as { execCommand: (c: string) => boolean }).execCommand = (command: string): boolean => {
    if (command !== 'copy' || mode === 'false') return false;
    if (mode === 'throws') throw new Error('SecurityError');
    if (mode === 'true-without-event') return true;
    const event = new domWindow.Event('copy', { bubbles: true, cancelable: true });
    const clipboardData = transfer(mode === 'event');
    Object.defineProperty(event, 'clipboardData', { value: clipboardData });
    (doc.activeElement ?? doc.body).dispatchEvent(event as unknown as Event);
    if (event.defaultPrevented) systemClipboard = clipboardData.getData('text/plain') || null;
    return true;
  };
}

function textarea(value: string): HTMLTextAreaElement {
  const el = doc.createElement('textarea');
  el.value = value;
  doc.body.appendChild(el);
  return el;
}

const accepting = { writeText: async (text: string): Promise<void> => void (systemClipboard = text) };
const refusing = { writeText: (): Promise<void> => Promise.reject(new Error('NotAllowedError: Write permission denied.')) };

describe('copyText', () => {
  it('is true when the Clipboard API took the text, without touching the legacy path', async () => {
    systemClipboard = null;
    let legacyRan = false;
    expect(await copyText(MESSAGE, accepting, () => (legacyRan = true))).toBe(true);
    expect(systemClipboard).toBe(MESSAGE);
    expect(legacyRan).toBe(false);
  });

  it('falls back to the legacy path when the Clipboard API refuses, and reports what that path says', async () => {
    expect(await copyText(MESSAGE, refusing, () => true)).toBe(true);
    expect(await copyText(MESSAGE, refusing, () => false)).toBe(false);
    expect(await copyText(MESSAGE, refusing, null)).toBe(false);
    expect(await copyText(MESSAGE, undefined, null)).toBe(false);
  });
});

describe('selectAndCopy (the legacy copy command)', () => {
  it('copies the text through its own copy listener and leaves it selected', () => {
    fakeCopyCommand('event');
    const el = textarea(MESSAGE);
    expect(selectAndCopy(el, MESSAGE, doc)).toBe(true);
    expect(systemClipboard).toBe(MESSAGE);
    expect(doc.activeElement).toBe(el);
    expect([el.selectionStart, el.selectionEnd]).toEqual([0, MESSAGE.length]);
  });

  it('is false when the command says true but no copy event ran (nothing was copied)', () => {
    fakeCopyCommand('true-without-event');
    expect(selectAndCopy(textarea(MESSAGE), MESSAGE, doc)).toBe(false);
    expect(systemClipboard).toBeNull();
  });

  it('is false when the event ignores the data set, when the command is refused or throws, and for empty text', () => {
    fakeCopyCommand('event-ignores-data');
    expect(selectAndCopy(textarea(MESSAGE), MESSAGE, doc)).toBe(false);
    fakeCopyCommand('false');
    expect(selectAndCopy(textarea(MESSAGE), MESSAGE, doc)).toBe(false);
    fakeCopyCommand('throws');
    expect(selectAndCopy(textarea(MESSAGE), MESSAGE, doc)).toBe(false);
    fakeCopyCommand('event');
    expect(selectAndCopy(textarea(''), '', doc)).toBe(false);
    expect(systemClipboard).toBeNull();
  });

  it('removes its listener: a later copy by the agent is not rewritten', () => {
    fakeCopyCommand('event');
    selectAndCopy(textarea(MESSAGE), MESSAGE, doc);
    const later = new domWindow.Event('copy', { bubbles: true, cancelable: true });
    Object.defineProperty(later, 'clipboardData', { value: transfer(true) });
    doc.body.dispatchEvent(later as unknown as Event);
    expect(later.defaultPrevented).toBe(false);
  });
});

describe('the hand-off Copy button', () => {
  let root: Root | null = null;
  const host = doc.createElement('div');
  doc.body.appendChild(host);
  afterEach(() => {
    act(() => root?.unmount());
    root = null;
  });

  async function clickCopy(clipboard: typeof accepting | typeof refusing): Promise<{ button: HTMLElement; area: HTMLTextAreaElement }> {
    Object.defineProperty(domWindow.navigator, 'clipboard', { value: clipboard, configurable: true });
    root = createRoot(host);
    const handoff = { teamId: 'search-core', channel: '#search', handle: '@search-core-support', message: MESSAGE };
    act(() => root?.render(<ThemeProvider theme={themeFor('light')}><HandoffBox t={t} handoff={handoff} /></ThemeProvider>));
    const button = host.querySelector<HTMLElement>('[data-testid="handoff-copy"]')!;
    await act(async () => button.click());
    return { button, area: host.querySelector<HTMLTextAreaElement>('[data-testid="handoff-message"]')! };
  }

  it('says Copied when the Clipboard API took the message', async () => {
    systemClipboard = null;
    const { button } = await clickCopy(accepting);
    expect(button.textContent).toBe('Copied');
    expect(systemClipboard).toBe(MESSAGE);
  });

  it('says Copied after a refusal only when the legacy copy really wrote the message', async () => {
    fakeCopyCommand('event');
    const { button } = await clickCopy(refusing);
    expect(button.textContent).toBe('Copied');
    expect(systemClipboard).toBe(MESSAGE);
  });

  it('a refused clipboard and a copy command that copied nothing: not Copied, the text selected, Ctrl+C asked', async () => {
    fakeCopyCommand('true-without-event');
    const { button, area } = await clickCopy(refusing);
    expect(button.textContent).toBe('Copy message');
    expect(button.getAttribute('data-state')).toBe('failed');
    expect(host.querySelector('[data-testid="handoff-copy-failed"]')?.textContent).toContain('press Ctrl+C');
    expect(doc.activeElement).toBe(area);
    expect([area.selectionStart, area.selectionEnd]).toEqual([0, MESSAGE.length]);
    expect(systemClipboard).toBeNull();
  });
});
