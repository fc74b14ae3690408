// Plain-text tables for `--format table`: columns padded to their widest cell, long cells cut with "…".
export function table(header: string[], rows: string[][], maxWidth = 100): string {
  const cut = (s: string): string => (s.length > maxWidth ? `${s.slice(0, maxWidth - 1)}…` : s);
  const all = [header, ...rows].map((r) => r.map(cut));
  const widths = header.map((_, i) => Math.max(...all.map((r) => [...(r[i] ?? '')].length)));
  const line = (r: string[]): string =>
    r
      .map((cell, i) => (i === r.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - [...cell].length)))
      .join('  ')
      .trimEnd();
  return `${[line(all[0] as string[]), line(widths.map((w) => '-'.repeat(w))), ...all.slice(1).map(line)].join('\n')}\n`;
}
