// The override pickers: Garden Combobox (from @zendeskgarden/react-dropdowns, ~33 KB gzip, hence its own chunk,
// loaded only when the agent asks to change the team or priority). While the list is open the panel makes room
// below it, because the sidebar iframe is only as tall as its content.
import { useState } from 'react';
import { Combobox, Field, Option } from '@zendeskgarden/react-dropdowns';
import { withGardenTheme } from '../shell/GardenTheme.tsx';

export interface PickerOption {
  value: string;
  label: string;
  /** What `data-value` says on the option (tests and tools pick options by it); defaults to `value`. */
  dataValue?: string;
}

function OverridePicker(props: {
  label: string;
  hint?: string;
  options: PickerOption[];
  value: string;
  onChange: (value: string) => void;
  /** No longer changeable (the issue is being filed or exists); `hint` then says why. */
  disabled?: boolean;
  'data-testid'?: string;
}): JSX.Element {
  const [expanded, setExpanded] = useState(false);
  return (
    <div>
      <Field>
        <Field.Label>{props.label}</Field.Label>
        {props.hint ? <Field.Hint>{props.hint}</Field.Hint> : null}
        <Combobox
          isCompact
          isEditable={false}
          isDisabled={props.disabled === true}
          selectionValue={props.value}
          listboxMaxHeight="220px"
          // The selection's label straight from our options: Garden only knows option labels once they mounted.
          renderValue={() => props.options.find((o) => o.value === props.value)?.label ?? ''}
          onChange={(change) => {
            if (change.isExpanded !== undefined) setExpanded(change.isExpanded);
            if (change.type !== 'input:change' && typeof change.selectionValue === 'string' && change.selectionValue !== props.value) {
              props.onChange(change.selectionValue);
            }
          }}
          data-testid={props['data-testid']}
        >
          {props.options.map((o) => (
            <Option key={o.value} value={o.value} label={o.label} data-value={o.dataValue ?? o.value} />
          ))}
        </Combobox>
      </Field>
      {expanded && !props.disabled ? <div aria-hidden="true" style={{ height: 230 }} /> : null}
    </div>
  );
}

/** Lazy-loaded: Garden's theme comes with it (GardenTheme.tsx). */
export default withGardenTheme(OverridePicker);
