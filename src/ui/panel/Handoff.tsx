// The Step-5 Slack message: where to post it (channel, handle), the text, and a Copy button. The message is shown
// in a read-only Garden textarea so the agent can also select it by hand.
import { useRef, useState } from 'react';
import { Field, Textarea } from '@zendeskgarden/react-forms';
import { Button } from '@zendeskgarden/react-buttons';
import { Code, SM } from '@zendeskgarden/react-typography';
import type { Handoff } from '../../core/types/filing.ts';
import type { Translate } from '../logic/i18n.ts';
import { Section } from './layout.tsx';

type CopyState = 'idle' | 'copied' | 'failed';

/** Clipboard API first; in iframes where it is not allowed, select the text and use the legacy copy command. */
export async function copyText(text: string, fallbackSelect: (() => boolean) | null): Promise<boolean> {
  try {
    if (typeof navigator !== 'undefined' && navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the legacy path
  }
  return fallbackSelect ? fallbackSelect() : false;
}

export function HandoffBox(props: { t: Translate; handoff: Handoff; title?: string }): JSX.Element {
  const { t, handoff } = props;
  const area = useRef<HTMLTextAreaElement>(null);
  const [copy, setCopy] = useState<CopyState>('idle');
  const selectAndCopy = (): boolean => {
    const el = area.current;
    if (!el) return false;
    el.focus();
    el.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  };
  const onCopy = async (): Promise<void> => {
    setCopy((await copyText(handoff.message, selectAndCopy)) ? 'copied' : 'failed');
  };
  return (
    <Section aria-label={props.title ?? t('ui.handoff.title')} data-testid="handoff">
      <SM isBold>{props.title ?? t('ui.handoff.title')}</SM>
      <SM data-testid="handoff-channel">
        {t('ui.handoff.where_prefix')} <Code size="small">{handoff.channel}</Code> {t('ui.handoff.where_middle')}{' '}
        <Code size="small">{handoff.handle}</Code>
      </SM>
      <Field>
        <Field.Label hidden>{t('ui.handoff.message_label')}</Field.Label>
        <Textarea
          ref={area}
          readOnly
          isResizable
          minRows={6}
          maxRows={12}
          value={handoff.message}
          data-testid="handoff-message"
          isCompact
        />
      </Field>
      <div>
        <Button size="small" onClick={() => void onCopy()} data-testid="handoff-copy">
          {copy === 'copied' ? t('ui.handoff.copied') : t('ui.handoff.copy')}
        </Button>
        <span role="status" aria-live="polite" style={{ marginLeft: 8 }}>
          {copy === 'failed' ? <SM tag="span">{t('ui.handoff.copy_failed')}</SM> : null}
        </span>
      </div>
    </Section>
  );
}
