export {
  NodeNotifierNotifier,
  type NodeNotifierOptions,
  type NotificationBackend,
} from './node-notifier-notifier';
export { createNotifier, type PlainNodeNotifier } from './create-notifier';
export { createPlatformNotifier, notifierKindFor, type NotifierKind } from './choose-notifier';
