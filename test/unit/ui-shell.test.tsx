import { describe, expect, it, vi } from 'vitest';
import { colorSchemeFromUrl, parseColorScheme } from '../../src/ui/logic/theme.ts';
import { themeFor } from '../../src/ui/shell/GardenTheme.tsx';
import { createResizer, heightFor } from '../../src/ui/shell/resize.ts';
import { readStart, whenRegistered } from '../../src/ui/start/shell.ts';
import { summaryFrom } from '../../src/ui/start/summary.ts';
import type { ZafClient, ZafGetResult } from '../../src/zaf/client.ts';

describe('colour scheme', () => {
  it('reads the scheme from strings and the object shapes hosts send', () => {
    expect(parseColorScheme('dark')).toBe('dark');
    expect(parseColorScheme(' Light ')).toBe('light');
    expect(parseColorScheme({ colorScheme: 'dark' })).toBe('dark');
    expect(parseColorScheme({ value: 'light' })).toBe('light');
    expect(parseColorScheme({ mode: 'dark' })).toBe('dark');
    expect(parseColorScheme('system')).toBeNull();
    expect(parseColorScheme(undefined)).toBeNull();
    expect(parseColorScheme(42)).toBeNull();
  });
  it('reads the iframe URL query and hash', () => {
    expect(colorSchemeFromUrl('http://localhost/app/assets/iframe.html?origin=x&app_guid=y&colorScheme=dark')).toBe('dark');
    expect(colorSchemeFromUrl('http://localhost/app/assets/iframe.html#origin=x&colorScheme=light')).toBe('light');
    expect(colorSchemeFromUrl('http://localhost/app/assets/iframe.html?origin=x')).toBeNull();
    expect(colorSchemeFromUrl('not a url')).toBeNull();
  });
  it('builds a Garden theme with the base colour set', () => {
    expect(themeFor('dark').colors.base).toBe('dark');
    expect(themeFor('light').colors.base).toBe('light');
    expect(themeFor('dark').colors.primaryHue).toBe(themeFor('light').colors.primaryHue);
  });
});

describe('resize', () => {
  it('asks for whole pixels, at least one', () => {
    expect(heightFor(120.2)).toBe('121px');
    expect(heightFor(0)).toBe('1px');
    expect(heightFor(Number.NaN)).toBe('1px');
  });
  it('sends each new height once, and again after a failed invoke', async () => {
    const calls: unknown[][] = [];
    let fail = false;
    const client = {
      invoke: vi.fn((...args: unknown[]) => {
        calls.push(args);
        return fail ? Promise.reject(new Error('host gone')) : Promise.resolve({ errors: {} } as ZafGetResult);
      }),
    };
    const send = createResizer(client);
    expect(send(100)).toBe(true);
    expect(send(100)).toBe(false);
    expect(send(140)).toBe(true);
    expect(calls).toEqual([
      ['resize', { width: '100%', height: '100px' }],
      ['resize', { width: '100%', height: '140px' }],
    ]);
    fail = true;
    expect(send(160)).toBe(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(send(160)).toBe(true); // the failed one is not remembered
  });
});

type Handler = (data: unknown) => void;
function fakeClient(answers: Record<string, unknown>, options: { ready?: boolean; failing?: string[] } = {}) {
  const handlers = new Map<string, Set<Handler>>();
  const client = {
    ready: options.ready ?? false,
    context: vi.fn(async () => ({ instanceGuid: 'g', product: 'support', account: { subdomain: 'acme' }, location: 'ticket_sidebar', ticketId: 7 })),
    metadata: vi.fn(async () => ({ appId: 1, installationId: 2, name: 'Engage', version: '1', settings: { label_rfh: 'x' } })),
    get: vi.fn(async (path: string | string[]) => {
      const paths = Array.isArray(path) ? path : [path];
      const result: ZafGetResult = { errors: {} };
      for (const p of paths) {
        if (options.failing?.includes(p)) throw new Error(`no ${p}`);
        result[p] = answers[p];
      }
      return result;
    }),
    set: vi.fn(),
    invoke: vi.fn(),
    request: vi.fn(),
    on: vi.fn((e: string, h: Handler) => {
      if (!handlers.has(e)) handlers.set(e, new Set());
      handlers.get(e)?.add(h);
    }),
    off: vi.fn((e: string, h: Handler) => handlers.get(e)?.delete(h)),
    trigger: vi.fn((e: string, data?: unknown) => handlers.get(e)?.forEach((h) => h(data))),
  };
  return { client: client as unknown as ZafClient & { ready: boolean }, handlers };
}

describe('start-up', () => {
  it('waits for app.registered, then stops listening', async () => {
    const { client, handlers } = fakeClient({});
    let registered = false;
    const waiting = whenRegistered(client).then(() => (registered = true));
    await Promise.resolve();
    expect(registered).toBe(false);
    client.trigger('app.registered', {});
    await waiting;
    expect(registered).toBe(true);
    expect(handlers.get('app.registered')?.size).toBe(0);
  });
  it('does not wait when the SDK is already registered', async () => {
    const { client } = fakeClient({}, { ready: true });
    await expect(whenRegistered(client)).resolves.toBeUndefined();
  });
  it('reads context, metadata, locale, role and colour scheme', async () => {
    const { client } = fakeClient({ currentUser: { locale: 'de-DE', name: 'A', role: 'admin' }, colorScheme: 'dark' });
    const start = await readStart(client);
    expect(start.context.ticketId).toBe(7);
    expect(start.metadata.settings).toEqual({ label_rfh: 'x' });
    expect(start.locale).toBe('de-DE');
    expect(start.colorScheme).toBe('dark');
    expect(start.role).toBe('admin');
  });
  it('goes on with defaults when the host cannot answer currentUser or colorScheme', async () => {
    const { client } = fakeClient({}, { failing: ['currentUser', 'colorScheme'] });
    const start = await readStart(client);
    expect(start.locale).toBeNull();
    expect(start.colorScheme).toBeNull();
    expect(start.role).toBeNull();
  });
});

describe('ticket headline', () => {
  it('takes names from the objects ZAF returns and tolerates gaps', () => {
    expect(
      summaryFrom({
        errors: {},
        'ticket.id': 12,
        'ticket.subject': '<b>hi</b>',
        'ticket.status': 'open',
        'ticket.organization': { id: 1, name: 'Acme' },
        'ticket.requester': { id: 2, name: 'Dana' },
      }),
    ).toEqual({ id: 12, subject: '<b>hi</b>', status: 'open', organization: 'Acme', requester: 'Dana' });
    expect(summaryFrom({ errors: {}, 'ticket.id': '15', 'ticket.organization': null })).toEqual({
      id: 15,
      subject: '',
      status: '',
      organization: null,
      requester: null,
    });
  });
});
