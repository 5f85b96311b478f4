import { contextBridge, ipcRenderer } from 'electron';
import type { DeskBridge } from '../shared/contract/bridge';
import { createBridge } from './bridge';
import { createPrintBridge } from './printBridge';

// The renderer gets named methods of the contract and nothing else: no ipcRenderer, no Node.
const desk = createBridge((channel, method, input) => ipcRenderer.invoke(channel, method, input)) satisfies DeskBridge;
contextBridge.exposeInMainWorld('desk', desk);
contextBridge.exposeInMainWorld(
  'deskPrint',
  createPrintBridge((channel, ...args) => ipcRenderer.invoke(channel, ...args)),
);
