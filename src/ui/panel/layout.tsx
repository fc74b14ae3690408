// The panel's section and caption, shared by the first view and the Garden-drawn parts after it (work area, details,
// linked issue, hand-off). Plain elements with the static stylesheet's classes (style/first-view.css: .e-section,
// .e-sm.e-subtle, Garden's SM in the subtle colour), so that the layout is written once and needs no runtime styles.
import type { ComponentProps } from 'react';

function classes(...names: (string | false | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}

export function Section({ className, ...rest }: ComponentProps<'section'>): JSX.Element {
  return <section {...rest} className={classes('e-section', className)} />;
}

export function Caption({ className, isBold, ...rest }: ComponentProps<'div'> & { isBold?: boolean }): JSX.Element {
  return <div {...rest} className={classes('e-sm e-subtle', isBold && 'e-bold', className)} />;
}
