// Country shapes: Natural Earth as the world-atlas package ships it (TopoJSON), turned into GeoJSON
// once per process. 1:110m draws the whole world; 1:50m the zoomed-in maps, where 110m's coasts look
// blocky. No network: the files are in node_modules.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export interface World {
  countries: FeatureCollection;
  /** Borders between two countries, without coastlines (land and sea already show those). */
  borders: MultiLineString;
}

export type Resolution = '110m' | '50m';

const worlds = new Map<Resolution, World>();

function readWorld(resolution: Resolution): World {
  const path = createRequire(import.meta.url).resolve(`world-atlas/countries-${resolution}.json`);
  const topology = JSON.parse(readFileSync(path, 'utf8')) as Topology<{ countries: GeometryCollection }>;
  return {
    countries: feature(topology, topology.objects.countries),
    borders: mesh(topology, topology.objects.countries, (a, b) => a !== b),
  };
}

/** The whole world as GeoJSON, kept: the world view draws all of it. */
export function loadWorld(resolution: Resolution): World {
  let world = worlds.get(resolution);
  if (!world) {
    world = readWorld(resolution);
    worlds.set(resolution, world);
  }
  return world;
}

/**
 * A line or ring as [lon0, lat0, lon1, lat1, …]: 16 bytes a point, where GeoJSON's [lon, lat] arrays
 * take about 64. 1:50m has ~140,000 points: kept as GeoJSON it held ~8 MB of heap for as long as the
 * process ran; kept flat, ~2 MB, and a map expands only the shapes it shows, for as long as it draws.
 */
export type FlatLine = Float64Array;

/** A country as flat rings (per polygon: its outer ring, then its holes). */
export interface FlatCountry {
  type: 'Polygon' | 'MultiPolygon';
  polygons: FlatLine[][];
}

export interface FlatWorld {
  countries: FlatCountry[];
  borders: FlatLine[];
}

const flatWorlds = new Map<Resolution, FlatWorld>();

function flatten(line: Position[]): FlatLine {
  const flat = new Float64Array(line.length * 2);
  line.forEach(([lon, lat], i) => {
    flat[2 * i] = lon!;
    flat[2 * i + 1] = lat!;
  });
  return flat;
}

/** The points of a flat line as GeoJSON positions again, the same numbers. */
export function expandLine(line: FlatLine): Position[] {
  const positions: Position[] = new Array(line.length / 2);
  for (let i = 0; i < positions.length; i++) positions[i] = [line[2 * i]!, line[2 * i + 1]!];
  return positions;
}

/** The country as the GeoJSON feature it was read from. */
export function expandCountry(country: FlatCountry): Feature<Polygon | MultiPolygon> {
  const polygons = country.polygons.map((rings) => rings.map(expandLine));
  return {
    type: 'Feature',
    properties: {},
    geometry:
      country.type === 'Polygon'
        ? { type: 'Polygon', coordinates: polygons[0] ?? [] }
        : { type: 'MultiPolygon', coordinates: polygons },
  };
}

/** Every country that has a shape, and the borders, flat; read once and kept. */
export function loadFlatWorld(resolution: Resolution): FlatWorld {
  let flat = flatWorlds.get(resolution);
  if (!flat) {
    // The world view keeps 110m's GeoJSON anyway; 50m's is read, flattened and let go.
    const world = worlds.get(resolution) ?? readWorld(resolution);
    const countries: FlatCountry[] = [];
    for (const { geometry } of world.countries.features) {
      if (geometry?.type === 'Polygon')
        countries.push({ type: 'Polygon', polygons: [geometry.coordinates.map(flatten)] });
      else if (geometry?.type === 'MultiPolygon')
        countries.push({
          type: 'MultiPolygon',
          polygons: geometry.coordinates.map((rings) => rings.map(flatten)),
        });
    }
    flat = { countries, borders: world.borders.coordinates.map(flatten) };
    flatWorlds.set(resolution, flat);
  }
  return flat;
}
