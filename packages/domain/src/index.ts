export * from './duplicates.ts';
export * from './errors.ts';
export * from './events.ts';
export * from './lead.ts';
export * from './org.ts';
export * from './region.ts';
export * from './roles.ts';
export * from './user.ts';
