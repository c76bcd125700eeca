export * from './api/health.ts';
export * from './closeCodes.ts';
export * from './documentIds.ts';
export * from './documentShapes.ts';
export * from './errorIds.ts';
export * from './presence.ts';
export * from './syncProtocol.ts';
