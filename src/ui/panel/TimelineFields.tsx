// The hand-off's timeline and the CE to include, asked beside the issue and the Slack message.
import { Field, Input } from '@zendeskgarden/react-forms';
import type { Draft, DraftAction } from '../logic/draft.ts';
import type { Translate } from '../logic/i18n.ts';
import { Section } from './layout.tsx';

export function TimelineFields(props: { t: Translate; draft: Draft; dispatch: (a: DraftAction) => void }): JSX.Element {
  const { t, draft, dispatch } = props;
  return (
    <Section>
      <Field>
        <Field.Label>{t('ui.handoff.timeline_label')}</Field.Label>
        <Field.Hint>{t('ui.handoff.timeline_hint')}</Field.Hint>
        <Input isCompact value={draft.timeline} onChange={(e) => dispatch({ type: 'timeline', timeline: e.target.value })} data-testid="timeline" />
      </Field>
      <Field>
        <Field.Label>{t('ui.handoff.ce_label')}</Field.Label>
        <Input isCompact value={draft.ceToInclude} onChange={(e) => dispatch({ type: 'ceToInclude', text: e.target.value })} data-testid="ce-to-include" />
      </Field>
    </Section>
  );
}
