/** How a level and a warning colour look: the colours the meteorological signals use. */
import type { ResponseLevel, WarningColour } from '@warmline/domain';

export const levelColour: Record<ResponseLevel, string> = {
  IV: '#1d5fa8',
  III: '#d4a017',
  II: '#e8792b',
  I: '#c0392b',
};

export const warningTagColour: Record<WarningColour, string> = {
  blue: 'blue',
  yellow: 'gold',
  orange: 'orange',
  red: 'red',
};
