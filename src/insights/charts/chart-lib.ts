// Chart.js, loaded only when the first chart is drawn (a dynamic import from Chart.tsx): the page shows its words
// and tables without it, and the sidebar never loads it. Only the parts the page draws are registered, so the
// chunk carries bar and line charts and nothing else.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);

export interface DrawnChart {
  destroy(): void;
}

export function drawChart(canvas: HTMLCanvasElement, config: ChartConfiguration): DrawnChart {
  return new Chart(canvas, config);
}
