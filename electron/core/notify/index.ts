export {
  NodeNotifierNotifier,
  type NodeNotifierOptions,
  type NotificationBackend,
} from './node-notifier-notifier';
export { createPlatformNotifier, notifierKindFor, type NotifierKind } from './choose-notifier';
