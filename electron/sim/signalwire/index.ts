export { startSignalWireSim } from './server';
export type * from './types';
