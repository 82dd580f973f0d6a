// The official's map of regions: every region of our list has a shape or is named as missing; the projection keeps
// Chukotka in one piece; the map colours by the chosen figure, says a region's name and value on focus, and has a
// table of every region. Chart labels wrap instead of being cut.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { REGIONS, type Totals } from '@konkurs/shared';
import { NOT_ON_MAP, REGION_ISO } from '../src/pages/official/region-shapes';
import { SHAPE_IDS, projectRegions } from '../src/pages/official/russia-shapes';
import { RegionsMap } from '../src/pages/official/regions-map';
import { wrapLabel } from '../src/pages/official/totals-charts';
import { renderScreen } from './render';

describe('region codes and map shapes', () => {
  it('maps every region of the list to a shape of its own, except those named as missing', () => {
    const codes = REGIONS.map(([code]) => code);
    const unmapped = codes.filter((c) => !REGION_ISO[c]);
    expect(unmapped).toEqual(NOT_ON_MAP);
    // Sevastopol is inside the shape of Crimea; the package has no shapes for the regions of 2022.
    expect(NOT_ON_MAP.map((c) => REGIONS.find(([code]) => code === c)?.[1])).toEqual([
      'Запорожская область', 'Севастополь', 'Донецкая Народная Республика', 'Луганская Народная Республика', 'Херсонская область']);
    expect(Object.keys(REGION_ISO).every((c) => codes.includes(c))).toBe(true);
    // One shape per region, and every shape is one of ours.
    expect(new Set(Object.values(REGION_ISO)).size).toBe(Object.keys(REGION_ISO).length);
    expect([...Object.values(REGION_ISO)].sort()).toEqual([...SHAPE_IDS].sort());
  });

  it('projects Russia into the drawing with Chukotka in one piece (the projection is centred on 100° E)', () => {
    const { width, height, shapes } = projectRegions();
    expect(width).toBe(1000);
    expect(height).toBeGreaterThan(400);
    expect(height).toBeLessThan(700);
    expect(shapes).toHaveLength(Object.keys(REGION_ISO).length);
    const xs = (code: string) => [...shapes.find((s) => s.code === code)!.d.matchAll(/(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/g)].map((m) => Number(m[1]));
    const chukotka = xs('87');
    // A shape wrapped across the antimeridian would span the whole width.
    expect(Math.max(...chukotka) - Math.min(...chukotka)).toBeLessThan(width / 5);
    expect(Math.min(...chukotka)).toBeGreaterThan(width * 0.7); // in the east
    expect(Math.max(...xs('39'))).toBeLessThan(width * 0.15); // Kaliningrad in the west
  });
});

const row = (key: string, label: string, submitted: number, awardedKopecks = 0): Totals['rows'][number] =>
  ({ key, label, submitted, admitted: submitted, winners: 0, requestedKopecks: submitted * 100_000_000, awardedKopecks, spentKopecks: 0, reportsAccepted: 0, reportsOverdue: 0 });

describe('the regions map', () => {
  it('colours regions by the chosen figure, says name and value on focus, and lists every region in its table', async () => {
    renderScreen(<RegionsMap rows={[row('40', 'Калужская область', 12, 250_000_000_00), row('23', 'Краснодарский край', 3), row('93', 'Донецкая Народная Республика', 2)]} />);
    const map = await screen.findByRole('group', { name: 'Карта регионов России: Подано заявок' });
    const kaluga = await within(map).findByRole('img', { name: 'Калужская область: 12' });
    const kuban = within(map).getByRole('img', { name: 'Краснодарский край: 3' });
    const tula = within(map).getByRole('img', { name: 'Тульская область: нет заявок' });
    expect(kaluga.getAttribute('fill')).not.toBe(kuban.getAttribute('fill'));
    expect(tula.getAttribute('fill')).toBe('#f1f3f5');
    fireEvent.focus(kaluga);
    expect(screen.getByTestId('map-active').textContent).toBe('Калужская область: 12');
    // The legend and the attribution (amCharts' linkware licence).
    expect(screen.getByRole('list', { name: 'Легенда: Подано заявок' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Карта: amCharts' }).getAttribute('href')).toBe('https://www.amcharts.com/');
    // The table fallback: every region, the one without a shape marked.
    const table = screen.getByRole('table', { name: 'Значения по регионам' });
    expect(within(table).getAllByRole('row')).toHaveLength(REGIONS.length + 1);
    expect(within(table).getByRole('row', { name: /93 Донецкая Народная Республика \(нет на карте\)\s*2/ })).toBeTruthy();
    // Another figure: the sums granted, in roubles.
    fireEvent.click(screen.getByRole('textbox', { name: 'Показатель на карте' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Сумма грантов', hidden: true }));
    await waitFor(() => expect(screen.getByRole('group', { name: 'Карта регионов России: Сумма грантов' })).toBeTruthy());
    expect(within(map).getByRole('img', { name: /^Калужская область: 250.000.000,00.₽$/ })).toBeTruthy();
  });
});

describe('chart labels', () => {
  it('wrap at spaces onto up to three lines; only a longer one is cut, with "…"', () => {
    expect(wrapLabel('Калужская область')).toEqual(['Калужская область']);
    expect(wrapLabel('Поддержка семьи, материнства, отцовства и детства')).toEqual(['Поддержка семьи,', 'материнства, отцовства', 'и детства']);
    const long = wrapLabel('Социальное обслуживание, социальная поддержка и защита граждан и ещё много слов');
    expect(long).toHaveLength(3);
    expect(long[2].endsWith('…')).toBe(true);
    expect(long.every((l) => l.length <= 22)).toBe(true);
  });
});
