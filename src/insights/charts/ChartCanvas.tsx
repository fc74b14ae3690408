// One chart on a canvas, drawn by Chart.js once its chunk has loaded. The canvas is an image with a summary for
// screen readers; the numbers themselves are in the figure's table view (Figure.tsx).
import { useEffect, useRef } from 'react';
import type { ChartConfiguration } from 'chart.js';

export function ChartCanvas(props: { config: ChartConfiguration; label: string; testId: string }): JSX.Element {
  const ref = useRef<HTMLCanvasElement>(null);
  const { config } = props;
  useEffect(() => {
    let live = true;
    let chart: { destroy(): void } | null = null;
    void import('./chart-lib.ts').then(({ drawChart }) => {
      if (live && ref.current) chart = drawChart(ref.current, config);
    });
    return () => {
      live = false;
      chart?.destroy();
    };
  }, [config]);
  return (
    <div style={{ position: 'relative', height: 260 }}>
      <canvas ref={ref} role="img" aria-label={props.label} data-testid={props.testId} />
    </div>
  );
}
