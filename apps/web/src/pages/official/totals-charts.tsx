// Totals as bar charts: applications (submitted, admitted, winners) and money (requested, awarded, spent), one bar
// group per row (keyboard-navigable: recharts' accessibility layer). Long labels wrap onto up to three lines
// (a longer one ends in "…" and is said whole by its tooltip); the table below carries the exact figures.
import { Card, Stack, Text } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Totals } from '@konkurs/shared';
import { useT } from '../../i18n';

const millions = (kopecks: number) => Math.round(kopecks / 1_000_000) / 100; // kopecks → million roubles, 2 decimals
const fmt = (v: unknown) => (typeof v === 'number' ? v.toLocaleString('ru-RU') : String(v));

const LINE_CHARS = 22;
const MAX_LINES = 3;
/** A label in lines of at most LINE_CHARS characters (broken at spaces), the last ending in "…" if cut. */
export function wrapLabel(label: string, lineChars = LINE_CHARS, maxLines = MAX_LINES): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    if (!line) line = word;
    else if (line.length + 1 + word.length <= lineChars) line += ` ${word}`;
    else { lines.push(line); line = word; }
  }
  if (line) lines.push(line);
  const chopped = lines.map((l) => (l.length > lineChars ? `${l.slice(0, lineChars - 1)}…` : l));
  if (chopped.length <= maxLines) return chopped;
  const kept = chopped.slice(0, maxLines);
  const last = kept[maxLines - 1];
  kept[maxLines - 1] = `${last.length >= lineChars ? last.slice(0, lineChars - 1) : last}…`;
  return kept;
}

type TickProps = { x?: number; y?: number; payload?: { value: string } };
function WrappedTick({ x = 0, y = 0, payload }: TickProps) {
  const label = payload?.value ?? '';
  const lines = wrapLabel(label);
  return (
    <text x={x} y={y} textAnchor="end" fontSize={12} fill="#495057">
      <title>{label}</title>
      {lines.map((l, i) => <tspan key={i} x={x - 4} dy={i === 0 ? `${-((lines.length - 1) * 0.6) + 0.35}em` : '1.2em'}>{l}</tspan>)}
    </text>
  );
}

export function TotalsCharts({ totals }: { totals: Totals }) {
  const t = useT('official');
  const data = totals.rows.map((r) => ({
    label: r.label, submitted: r.submitted, admitted: r.admitted, winners: r.winners,
    requested: millions(r.requestedKopecks), awarded: millions(r.awardedKopecks), spent: millions(r.spentKopecks),
  }));
  const lines = Math.max(1, ...data.map((d) => wrapLabel(d.label).length));
  const height = Math.max(200, data.length * Math.max(48, lines * 16 + 20) + 70);
  const chart = (title: string, bars: { key: string; name: string; color: string }[]) => (
    <Card withBorder padding="md" radius="md" component="figure" m={0} aria-label={t.chartLabel(title)}>
      <Text component="figcaption" fw={600} mb="xs">{title}</Text>
      <div style={{ width: '100%', height }}>
        <ResponsiveContainer>
          <BarChart data={data} layout="vertical" margin={{ left: 4, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" tickFormatter={fmt} fontSize={12} />
            <YAxis type="category" dataKey="label" width={178} interval={0} tick={<WrappedTick />} />
            <Tooltip formatter={(v) => fmt(v)} />
            <Legend />
            {bars.map((b) => <Bar key={b.key} dataKey={b.key} name={b.name} fill={b.color} isAnimationActive={false} />)}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </Card>
  );
  return (
    <Stack gap="md">
      {chart(t.chartApplications, [
        { key: 'submitted', name: t.submitted, color: '#1c7ed6' },
        { key: 'admitted', name: t.admitted, color: '#0c8599' },
        { key: 'winners', name: t.winners, color: '#2b8a3e' },
      ])}
      {chart(t.chartMoney, [
        { key: 'requested', name: t.requested, color: '#868e96' },
        { key: 'awarded', name: t.awarded, color: '#2b8a3e' },
        { key: 'spent', name: t.spent, color: '#e67700' },
      ])}
      <Text size="xs" c="dimmed">{t.chartRowsNote}</Text>
    </Stack>
  );
}
