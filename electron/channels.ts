// IPC channel names, apart from the contract so that the main process does not bundle its schemas to learn one string.
export const CALL_CHANNEL = 'desk:call';
