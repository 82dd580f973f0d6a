// Totals as bar charts: applications (submitted, admitted, winners) and money (requested, awarded), one bar
// group per row (keyboard-navigable: recharts' accessibility layer). The table carries the same figures.
import { Card, SimpleGrid, Text } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Totals } from '@konkurs/shared';
import { useT } from '../../i18n';

const short = (s: string, n = 28) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const millions = (kopecks: number) => Math.round(kopecks / 1_000_000) / 100; // kopecks → million roubles, 2 decimals
const fmt = (v: unknown) => (typeof v === 'number' ? v.toLocaleString('ru-RU') : String(v));

export function TotalsCharts({ totals }: { totals: Totals }) {
  const t = useT('official');
  const data = totals.rows.map((r) => ({
    label: short(r.label), submitted: r.submitted, admitted: r.admitted, winners: r.winners,
    requested: millions(r.requestedKopecks), awarded: millions(r.awardedKopecks),
  }));
  const height = Math.max(180, data.length * 44 + 60);
  const chart = (title: string, bars: { key: string; name: string; color: string }[]) => (
    <Card withBorder padding="md" radius="md" component="figure" m={0} aria-label={t.chartLabel(title)}>
      <Text component="figcaption" fw={600} mb="xs">{title}</Text>
      <div style={{ width: '100%', height }}>
        <ResponsiveContainer>
          <BarChart data={data} layout="vertical" margin={{ left: 8, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" tickFormatter={fmt} fontSize={12} />
            <YAxis type="category" dataKey="label" width={170} fontSize={12} interval={0} />
            <Tooltip formatter={(v) => fmt(v)} />
            <Legend />
            {bars.map((b) => <Bar key={b.key} dataKey={b.key} name={b.name} fill={b.color} isAnimationActive={false} />)}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </Card>
  );
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      {chart(t.chartApplications, [
        { key: 'submitted', name: t.submitted, color: '#1c7ed6' },
        { key: 'admitted', name: t.admitted, color: '#0c8599' },
        { key: 'winners', name: t.winners, color: '#2b8a3e' },
      ])}
      {chart(t.chartMoney, [
        { key: 'requested', name: t.requested, color: '#868e96' },
        { key: 'awarded', name: t.awarded, color: '#2b8a3e' },
      ])}
    </SimpleGrid>
  );
}
