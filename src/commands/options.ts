// Options more than one command offers, defined once so their names and choices cannot drift apart.
import type { PartnerTier } from '../data/types.js';
import type { OptionDefinition } from './types.js';

/** The "tier" option /count and /map share; tierOf reads its value. */
export const TIER_OPTION = {
  name: 'tier',
  nameZh: '级别',
  description: { en: 'Only this tier', 'zh-CN': '只看这一级别' },
  type: 'string',
  choices: [
    { name: { en: 'International friendship city', 'zh-CN': '国际友好城市' }, value: 'friendship' },
    { name: { en: 'Friendly exchange city', 'zh-CN': '友好交流城市' }, value: 'exchange' },
  ],
} as const satisfies OptionDefinition;

export function tierOf(value: unknown): PartnerTier | undefined {
  return value === 'friendship' || value === 'exchange' ? value : undefined;
}
