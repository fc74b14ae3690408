// The hand-off's timeline and the CE or sales rep to include: optional, so one line until the agent opens it (or
// has written something), below what is filed and posted.
import { useState } from 'react';
import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input } from '@zendeskgarden/react-forms';
import type { Draft, DraftAction } from '../logic/draft.ts';
import type { Translate } from '../logic/i18n.ts';
import { Section } from './layout.tsx';
// This part's strings are among the late ones (translations' ui subtrees loaded with it).
import '../logic/late-i18n.ts';

export function TimelineFields(props: { t: Translate; draft: Draft; dispatch: (a: DraftAction) => void }): JSX.Element {
  const { t, draft, dispatch } = props;
  const [asked, setAsked] = useState(false);
  const open = asked || draft.timeline !== '' || draft.ceToInclude !== '';
  return (
    <Section>
      <Button
        size="small"
        isBasic
        aria-expanded={open}
        aria-controls="engage-handoff-fields"
        onClick={() => setAsked((v) => !v)}
        data-testid="handoff-fields-toggle"
      >
        {t('ui.handoff.details_toggle')} <span aria-hidden="true">{open ? '\u25be' : '\u25b8'}</span>
      </Button>
      {open ? (
        <div id="engage-handoff-fields">
          <Field>
            <Field.Label>{t('ui.handoff.timeline_label')}</Field.Label>
            <Field.Hint>{t('ui.handoff.timeline_hint')}</Field.Hint>
            <Input isCompact value={draft.timeline} onChange={(e) => dispatch({ type: 'timeline', timeline: e.target.value })} data-testid="timeline" />
          </Field>
          <Field>
            <Field.Label>{t('ui.handoff.ce_label')}</Field.Label>
            <Input isCompact value={draft.ceToInclude} onChange={(e) => dispatch({ type: 'ceToInclude', text: e.target.value })} data-testid="ce-to-include" />
          </Field>
        </div>
      ) : null}
    </Section>
  );
}
