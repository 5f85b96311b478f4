import type { Session } from 'electron';
import { describe, expect, it } from 'vitest';
import { denyAllPermissions } from './permissions';

type RequestHandler = NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>;
type CheckHandler = NonNullable<Parameters<Session['setPermissionCheckHandler']>[0]>;
type DeviceHandler = NonNullable<Parameters<Session['setDevicePermissionHandler']>[0]>;

describe('browser permissions', () => {
  it('refuses every request and every check, whatever the permission', () => {
    let request: RequestHandler | null = null;
    let check: CheckHandler | null = null;
    let device: DeviceHandler | null = null;
    denyAllPermissions({
      setPermissionRequestHandler: (handler) => void (request = handler),
      setPermissionCheckHandler: (handler) => void (check = handler),
      setDevicePermissionHandler: (handler) => void (device = handler),
    });
    const contents = {} as Electron.WebContents;
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'fullscreen'] as const) {
      const answers: boolean[] = [];
      request!(contents, permission, (granted) => answers.push(granted), {
        requestingUrl: 'app://desk/index.html',
        isMainFrame: true,
      } as never);
      expect(answers).toEqual([false]);
      expect(check!(contents, permission, 'app://desk', { requestingUrl: 'app://desk/index.html' } as never)).toBe(
        false,
      );
    }
    expect(device!({ deviceType: 'usb', origin: 'app://desk' } as never)).toBe(false);
  });
});
