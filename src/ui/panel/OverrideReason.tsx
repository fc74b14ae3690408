// Why the agent changed a suggestion (optional), recorded with the issue for `engage eval`. It sits in the section
// of what changed (the priority's when both did) and its label says which. Its own chunk: the Garden forms package
// is not needed for the first view.
import { Field, Input } from '@zendeskgarden/react-forms';
import type { Draft, DraftAction } from '../logic/draft.ts';
import type { Translate } from '../logic/i18n.ts';
import { withGardenTheme } from '../shell/GardenTheme.tsx';

export type ChangedPart = 'team' | 'priority' | 'both';

function OverrideReason(props: { t: Translate; changed: ChangedPart; draft: Draft; dispatch: (a: DraftAction) => void }): JSX.Element {
  const { t, draft, dispatch } = props;
  return (
    <Field data-changed={props.changed}>
      <Field.Label>{t(`ui.override.reason_label_${props.changed}`)}</Field.Label>
      <Field.Hint>{t('ui.override.reason_hint')}</Field.Hint>
      <Input
        isCompact
        value={draft.overrideReason}
        onChange={(e) => dispatch({ type: 'overrideReason', reason: e.target.value })}
        data-testid="override-reason"
      />
    </Field>
  );
}

/** Lazy-loaded: Garden's theme comes with it (GardenTheme.tsx). */
export default withGardenTheme(OverrideReason);
