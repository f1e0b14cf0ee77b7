import { createContext, useContext } from 'react';

/**
 * Whether the signed-in role may open a page, by its path. App provides it from the route
 * table, so a page can offer links to others without importing that table (which imports it).
 */
// Outside the signed-in shell nothing is known of the role: offer no links rather than forbidden ones.
export const PageAccess = createContext<(path: string) => boolean>(() => false);

export function usePageAllowed(): (path: string) => boolean {
  return useContext(PageAccess);
}
