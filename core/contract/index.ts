// The API contract: one definition of every method and event, shared by the Electron preload and main process, the
// serve mode and the renderer. Browser-safe: nothing here imports Node.
export * from './bridge';
export * from './calibration';
export * from './cameras';
export * from './client';
export * from './entities';
export * from './errors';
export * from './events';
export * from './media';
export * from './methods';
export * from './models';
export * from './survey';
export * from './utcOffset';
export * from './validate';
export * from './wire';
export * from './wsTransport';
