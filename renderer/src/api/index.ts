export { api, connect } from './client';
export type * from '../../../core/contract';
export { ApiError, mediaPath } from '../../../core/contract';
