// The Electron security checklist in one place: window options, navigation, requests, permissions, IPC senders.

import type { WebPreferences } from 'electron';

/** The custom scheme and host the renderer is loaded from; nothing else may call the contract. */
export const APP_ORIGIN = 'app://marginalia';

/** The secure defaults of the one window, checked by the shell test. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  };
}

/** True when a frame URL is the app's own page. */
export function isTrustedSender(frameUrl: string | undefined): boolean {
  if (!frameUrl) return false;
  try {
    const u = new URL(frameUrl);
    return u.protocol === 'app:' && u.host === 'marginalia';
  } catch {
    return false;
  }
}

/** The parts of an IPC event the sender check reads. */
export interface IpcSenderEvent {
  senderFrame?: { url?: string; parent?: unknown } | null;
}

/**
 * True when an IPC message comes from the app's own top frame: its frame still exists, is
 * on app://marginalia, and is not a sub-frame (an iframe could load the app's URL too).
 */
export function isTrustedIpcEvent(event: IpcSenderEvent): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.parent !== null && frame.parent !== undefined) return false;
  return isTrustedSender(frame.url);
}

/** True for links that may be handed to the system browser: http(s) only. */
export function isExternalWebLink(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * True for a request the renderer may make: the app's own scheme, and data:/blob: URLs it
 * builds itself (the export download). No http(s), ws, file or other remote content.
 */
export function isAllowedRequest(url: string): boolean {
  try {
    const u = new URL(url);
    if (u.protocol === 'app:') return u.host === 'marginalia';
    return u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'devtools:';
  } catch {
    return false;
  }
}
