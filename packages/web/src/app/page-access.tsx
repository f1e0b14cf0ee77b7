import { createContext, useContext } from 'react';

/**
 * Whether the signed-in role may open a page, by its path. App provides it from the route
 * table, so a page can offer links to others without importing that table (which imports it).
 */
export const PageAccess = createContext<(path: string) => boolean>(() => true);

export function usePageAllowed(): (path: string) => boolean {
  return useContext(PageAccess);
}
