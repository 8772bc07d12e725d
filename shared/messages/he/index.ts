export { connection } from './connection';
export { desktop } from './desktop';
export { history } from './history';
export { ipc } from './ipc';
export { outbox } from './outbox';
export { rocketchat } from './rocketchat';
export { settings } from './settings';
export { signalwire } from './signalwire';
