import type { FigureKey } from '@warmline/domain';

/**
 * The headline cards, grouped as the campaign report reads: assistance, patrol effort, what
 * was handed out and opened, leads, and where people went from the station.
 */
export const headlineGroups: {
  key: 'assist' | 'patrol' | 'supply' | 'lead' | 'discharge';
  figures: FigureKey[];
}[] = [
  {
    key: 'assist',
    figures: ['assisted', 'assisted_persons', 'street_assisted', 'station_admitted', 'persuaded_to_station'],
  },
  { key: 'patrol', figures: ['patrols', 'patrol_staff_trips', 'vehicle_trips'] },
  { key: 'supply', figures: ['warm_items_distributed', 'food_distributed', 'shelters_opened'] },
  { key: 'lead', figures: ['leads', 'lead_arrival_minutes'] },
  { key: 'discharge', figures: ['escorted_home', 'reunited', 'placed'] },
];

export const headlineFigures: FigureKey[] = headlineGroups.flatMap((g) => g.figures);

/** What the trend draws by default (the others are a legend click away). */
export const trendFigures: FigureKey[] = ['assisted', 'street_assisted', 'station_admitted', 'leads'];
