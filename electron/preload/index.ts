// The preload: exposes exactly one object, `window.ringside` (the `Api` of shared/ipc/contract),
// and nothing else: no ipcRenderer, no process. Built as one CommonJS file for the sandbox.
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from './api';

contextBridge.exposeInMainWorld('ringside', buildApi(ipcRenderer));
