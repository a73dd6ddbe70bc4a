// Distances on the globe. d3-geo's geoDistance gives the great-circle angle between two points.
import { geoDistance } from 'd3-geo';
import type { City, Dataset } from '../data/types.js';

/** The mean Earth radius (IUGG), in km. */
const EARTH_RADIUS_KM = 6371.0088;

export interface LatLon {
  lat: number;
  lon: number;
}

/** Great-circle distance in km: the length of the arc drawn on the map. */
export function greatCircleKm(a: LatLon, b: LatLon): number {
  return geoDistance([a.lon, a.lat], [b.lon, b.lat]) * EARTH_RADIUS_KM;
}

/** How far the city lies from Wuhan, in km along the great circle; null when it has no coordinates. */
export function distanceFromWuhanKm(data: Pick<Dataset, 'wuhan'>, city: Pick<City, 'coordinates'>): number | null {
  return city.coordinates ? greatCircleKm(data.wuhan.coordinates, city.coordinates) : null;
}
