// Country shapes: Natural Earth as the world-atlas package ships it (TopoJSON), turned into GeoJSON
// once per process. 1:110m draws the whole world; 1:50m the zoomed-in maps, where 110m's coasts look
// blocky. No network: the files are in node_modules.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FeatureCollection, MultiLineString } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export interface World {
  countries: FeatureCollection;
  /** Borders between two countries, without coastlines (land and sea already show those). */
  borders: MultiLineString;
}

export type Resolution = '110m' | '50m';

const worlds = new Map<Resolution, World>();

export function loadWorld(resolution: Resolution): World {
  let world = worlds.get(resolution);
  if (world) return world;
  const path = createRequire(import.meta.url).resolve(`world-atlas/countries-${resolution}.json`);
  const topology = JSON.parse(readFileSync(path, 'utf8')) as Topology<{ countries: GeometryCollection }>;
  world = {
    countries: feature(topology, topology.objects.countries),
    borders: mesh(topology, topology.objects.countries, (a, b) => a !== b),
  };
  worlds.set(resolution, world);
  return world;
}
