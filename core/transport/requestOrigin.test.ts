import { describe, expect, it } from 'vitest';
import { acceptsHost, acceptsOrigin } from './requestOrigin';

describe('which Host and Origin browser mode answers', () => {
  it('on loopback: only the address and port it listens on', () => {
    const server = { host: '127.0.0.1', port: 8080, allowRemote: false };
    expect(acceptsHost('127.0.0.1:8080', server)).toBe(true);
    expect(acceptsHost('127.0.0.1:8081', server)).toBe(false);
    expect(acceptsHost('rebind.example:8080', server)).toBe(false);
    expect(acceptsHost('127.0.0.1', server)).toBe(false);
    expect(acceptsHost(undefined, server)).toBe(false);
  });

  it('beyond loopback (--allow-remote) accepts an IP address of the machine, never a name', () => {
    const server = { host: '0.0.0.0', port: 8080, allowRemote: true };
    expect(acceptsHost('192.168.1.20:8080', server)).toBe(true);
    expect(acceptsHost('rebind.example:8080', server)).toBe(false);
    expect(acceptsHost('192.168.1.20:8080', { ...server, host: '127.0.0.1', allowRemote: false })).toBe(false);
    expect(acceptsHost('127.0.0.1', { ...server, host: '127.0.0.1' })).toBe(false);
  });

  it('an Origin only when it is its own', () => {
    expect(acceptsOrigin(undefined, '127.0.0.1:8080')).toBe(true);
    expect(acceptsOrigin('http://127.0.0.1:8080', '127.0.0.1:8080')).toBe(true);
    expect(acceptsOrigin('http://127.0.0.1:9090', '127.0.0.1:8080')).toBe(false);
    expect(acceptsOrigin('null', '127.0.0.1:8080')).toBe(false);
  });
});
