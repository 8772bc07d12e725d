export {
  DAY_MS,
  UpdateService,
  type Every,
  type UpdateControl,
  type Updater,
  type UpdaterEvent,
  type UpdateSettings,
} from './update-service';
export { isOnCall, updateHandlers } from './handlers';
