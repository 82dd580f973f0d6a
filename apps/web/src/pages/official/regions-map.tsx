// A map of Russia's regions coloured by the chosen figure (submitted, admitted, winners, requested, awarded),
// with a legend, the region's name and value on hover or keyboard focus, and a table of every region's value
// (the accessible fallback, and the home of the regions the map has no shape for). The shapes load lazily.
import { useEffect, useMemo, useState } from 'react';
import { Anchor, Card, Group, Loader, Select, Stack, Table, Text } from '@mantine/core';
import { REGIONS, formatMoney, type Totals } from '@konkurs/shared';
import { ScrollTable } from '../../components/scroll-region';
import { useLang, useT } from '../../i18n';
import { NOT_ON_MAP } from './region-shapes';
import type { RegionShape } from './russia-shapes';

export const MAP_FIGURES = ['submitted', 'admitted', 'winners', 'requested', 'awarded'] as const;
export type MapFigure = (typeof MAP_FIGURES)[number];
type Row = Totals['rows'][number];

// Mantine's blue 1, 3, 5, 7, 9: five steps light to dark; a region without applications is grey.
const STEPS = ['#d0ebff', '#74c0fc', '#339af0', '#1c7ed6', '#1864ab'];
const EMPTY = '#f1f3f5';

type Drawing = { width: number; height: number; shapes: RegionShape[] };
let drawing: Promise<Drawing> | undefined;
/** The projected shapes, loaded once (a chunk of its own: the geodata and d3-geo). */
const loadDrawing = () => (drawing ??= import('./russia-shapes').then((m) => m.projectRegions()));

const valueOf = (row: Row | undefined, figure: MapFigure) =>
  !row ? 0 : figure === 'requested' ? row.requestedKopecks : figure === 'awarded' ? row.awardedKopecks : row[figure];

/** Five equal steps from 0 to the largest value, rounded up to a readable bound. */
function stepsFor(max: number, money: boolean): number[] {
  const unit = money ? 100_000_000 : 1; // money in kopecks, steps of whole millions of roubles
  const raw = Math.max(1, Math.ceil(max / unit / STEPS.length));
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const nice = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((m) => m >= raw) ?? raw;
  return STEPS.map((_, i) => nice * unit * (i + 1));
}

export function RegionsMap({ rows }: { rows: readonly Row[] }) {
  const t = useT('official');
  const { lang } = useLang();
  const [figure, setFigure] = useState<MapFigure>('submitted');
  const [shapes, setShapes] = useState<Drawing | null>(null);
  const [failed, setFailed] = useState(false);
  const [active, setActive] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    loadDrawing().then((d) => live && setShapes(d), () => live && setFailed(true));
    return () => { live = false; };
  }, []);

  const byCode = useMemo(() => new Map(rows.map((r) => [r.key, r])), [rows]);
  const money = figure === 'requested' || figure === 'awarded';
  const bounds = stepsFor(Math.max(0, ...rows.map((r) => valueOf(r, figure))), money);
  const colourOf = (v: number) => (v <= 0 ? EMPTY : STEPS[Math.max(0, bounds.findIndex((b) => v <= b))] ?? STEPS[STEPS.length - 1]);
  const show = (v: number) => (money ? formatMoney(v, lang) : v.toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB'));
  const short = (v: number) => (money ? `${(v / 100_000_000).toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB')} ${t.millions}` : show(v));
  const nameOf = (code: string) => REGIONS.find(([c]) => c === code)?.[1] ?? code;
  const said = (code: string) => {
    const v = valueOf(byCode.get(code), figure);
    return t.map.region(nameOf(code), v > 0 || money ? show(v) : t.map.none);
  };
  const figureName = t.map.figures[figure];
  const activeText = active ? said(active) : t.map.hint;

  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby="regions-map-title" data-testid="regions-map">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" gap="sm">
          <Text component="h2" fw={600} fz="md" m={0} id="regions-map-title">{t.map.title}</Text>
          <Select label={t.map.figure} size="xs" w={{ base: '100%', xs: 220 }} allowDeselect={false} value={figure}
            onChange={(v) => v && setFigure(v as MapFigure)} data={MAP_FIGURES.map((f) => ({ value: f, label: t.map.figures[f] }))} />
        </Group>
        <div style={{ position: 'relative', width: '100%', aspectRatio: shapes ? `${shapes.width} / ${shapes.height}` : '1000 / 560' }}>
          {shapes ? (
            <svg viewBox={`0 0 ${shapes.width} ${shapes.height}`} width="100%" height="100%" role="group" aria-label={t.map.label(figureName)}
              style={{ display: 'block' }} onMouseLeave={() => setActive(null)}>
              {shapes.shapes.map((s) => {
                const v = valueOf(byCode.get(s.code), figure);
                const on = active === s.code;
                return (
                  <path key={s.code} d={s.d} fill={colourOf(v)} stroke={on ? '#212529' : '#868e96'} strokeWidth={on ? 2 : 0.5}
                    tabIndex={0} role="img" aria-label={said(s.code)} data-region={s.code}
                    onMouseEnter={() => setActive(s.code)} onFocus={() => setActive(s.code)} onBlur={() => setActive(null)}
                    style={{ outline: 'none', cursor: 'default' }}>
                    <title>{said(s.code)}</title>
                  </path>
                );
              })}
            </svg>
          ) : (
            <Group justify="center" align="center" h="100%">
              {failed ? <Text size="sm" c="dimmed">{t.map.loadError}</Text> : <><Loader size="sm" /><Text size="sm" c="dimmed">{t.map.loading}</Text></>}
            </Group>
          )}
        </div>
        <Text size="sm" aria-live="polite" data-testid="map-active" fw={active ? 600 : 400} c={active ? undefined : 'dimmed'}>{activeText}</Text>
        <Group gap="xs" wrap="wrap" role="list" aria-label={`${t.map.legend}: ${figureName}`}>
          <Group gap={4} wrap="nowrap" role="listitem">
            <span aria-hidden style={{ width: 14, height: 14, background: EMPTY, border: '1px solid #868e96', display: 'inline-block' }} />
            <Text size="xs">{money ? show(0) : '0'}</Text>
          </Group>
          {bounds.map((b, i) => (
            <Group key={b} gap={4} wrap="nowrap" role="listitem">
              <span aria-hidden style={{ width: 14, height: 14, background: STEPS[i], display: 'inline-block' }} />
              <Text size="xs">{i === 0 ? `≤ ${short(b)}` : `${short(bounds[i - 1])} – ${short(b)}`}</Text>
            </Group>
          ))}
        </Group>
        <Group justify="space-between" gap="xs" align="flex-start">
          <Text size="xs" c="dimmed" style={{ flex: '1 1 16rem' }}>{t.map.notOnMap(NOT_ON_MAP.map(nameOf).join(', '))}</Text>
          <Anchor href="https://www.amcharts.com/" target="_blank" rel="noopener noreferrer" size="xs">{t.map.attribution}</Anchor>
        </Group>
        <details>
          <summary style={{ cursor: 'pointer' }}><Text span size="sm">{t.map.tableSummary}</Text></summary>
          <ScrollTable minWidth={320} label={t.map.tableLabel} striped mt="xs" data-testid="map-table">
            <Table.Thead>
              <Table.Tr><Table.Th>{t.key.region}</Table.Th><Table.Th ta="right">{figureName}</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {REGIONS.map(([code, name]) => (
                <Table.Tr key={code}>
                  <Table.Td>{code} {name}{NOT_ON_MAP.includes(code) ? ` (${t.map.notOnMapMark})` : ''}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{show(valueOf(byCode.get(code), figure))}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        </details>
      </Stack>
    </Card>
  );
}
