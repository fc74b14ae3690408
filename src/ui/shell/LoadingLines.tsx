// Placeholder lines while something loads, in the look of Garden's Skeleton but from the static stylesheet
// (style/first-view.css): they show during the start, before any Garden style exists.
export function LoadingLines(props: { widths: readonly number[]; label?: string; padded?: boolean }): JSX.Element {
  return (
    <div
      aria-busy="true"
      aria-label={props.label}
      role={props.label ? 'status' : undefined}
      className={props.padded ? 'e-padded' : undefined}
    >
      {props.widths.map((w, i) => (
        <span key={i} className="e-skeleton" style={{ width: `${w}%` }} />
      ))}
    </div>
  );
}
