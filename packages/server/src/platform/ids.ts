import { v7 } from 'uuid';

/** Time-ordered UUIDs (v7) made by the app: PostgreSQL 15 has no uuidv7(). */
export interface Ids {
  next(): string;
}

export const uuidV7Ids: Ids = { next: () => v7() };
