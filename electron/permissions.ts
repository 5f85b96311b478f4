import type { Session } from 'electron';

/**
 * The desk needs no browser permission (camera, microphone, notifications, geolocation, HID, serial, …): every request
 * and every check is refused, so a page that somehow got loaded can never be granted one either.
 */
export function denyAllPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
