// The region shapes of the map, projected once: loaded lazily (import()) by regions-map.tsx, so that the map's
// geodata (@amcharts/amcharts5-geodata's russiaCrimeaLow, ~70 KB gzip; linkware: the map shows its
// "Карта: amCharts" link, and the package keeps its LICENSE) and d3-geo never weigh on the first visit.
import { geoConicEqualArea, geoPath } from 'd3-geo';
import russia from '@amcharts/amcharts5-geodata/russiaCrimeaLow';
import { REGION_OF_ISO } from './region-shapes';

export interface RegionShape { code: string; d: string }

/** The drawing's width; its height follows from the projection (Russia is about 1.8 times wider than high). */
export const MAP_WIDTH = 1000;

/**
 * An equal-area conic projection centred on 100° E (so Chukotka, across the 180th meridian, stays in one piece),
 * standard parallels 52° and 64°, fitted to the width.
 */
export function projectRegions(): { width: number; height: number; shapes: RegionShape[] } {
  const projection = geoConicEqualArea().rotate([-100, 0]).parallels([52, 64]).fitWidth(MAP_WIDTH, russia);
  const path = geoPath(projection);
  const [[, top], [, bottom]] = path.bounds(russia);
  const shapes: RegionShape[] = [];
  for (const feature of russia.features) {
    const code = REGION_OF_ISO.get(String(feature.id));
    const d = path(feature);
    if (code && d) shapes.push({ code, d });
  }
  return { width: MAP_WIDTH, height: Math.ceil(bottom - top), shapes };
}

/** The shapes' ISO ids (for the mapping test). */
export const SHAPE_IDS: readonly string[] = russia.features.map((f) => String(f.id));
