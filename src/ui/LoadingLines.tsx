// Placeholder lines while something loads. Every distinct `width` of Garden's Skeleton is a style of its own that
// styled-components must generate and inject, on the start-up path where every millisecond shows; so all lines
// share one Skeleton style (full width) and take their length from a plain wrapper.
import { Skeleton } from '@zendeskgarden/react-loaders';

export function LoadingLines(props: { widths: readonly number[]; label?: string; padded?: boolean }): JSX.Element {
  return (
    <div aria-busy="true" aria-label={props.label} role={props.label ? 'status' : undefined} style={props.padded ? { padding: 12 } : undefined}>
      {props.widths.map((w, i) => (
        <div key={i} style={{ width: `${w}%` }}>
          <Skeleton width="100%" />
        </div>
      ))}
    </div>
  );
}
