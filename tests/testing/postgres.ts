import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const exec = promisify(execFile);
const PG_ROOT = '/usr/lib/postgresql';

/** The newest PostgreSQL installed the Debian way (/usr/lib/postgresql/<major>/bin); .ci/run installs one. */
function binDir(): string {
  const majors = fs.existsSync(PG_ROOT)
    ? fs.readdirSync(PG_ROOT).filter((major) => fs.existsSync(path.join(PG_ROOT, major, 'bin', 'initdb')))
    : [];
  const newest = majors.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error(`PostgreSQL is not installed: no ${PG_ROOT}/*/bin/initdb`);
  return path.join(PG_ROOT, newest, 'bin');
}

/** initdb and postgres refuse to run as root, so as root the cluster is the `postgres` user's. */
const asRoot = process.getuid?.() === 0;

async function runPg(bin: string, args: string[]): Promise<void> {
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  await exec(file, argv);
}

/** A port nobody listens on right now: the OS picks it, we let it go again for the server to take. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A throw-away PostgreSQL cluster in a temp folder with a fresh database, reachable without a password on 127.0.0.1.
 * Meant to be started once per test file (a second or so); `stop` kills it and removes the folder.
 */
export async function startPostgres(): Promise<{
  url: string;
  stop(): Promise<void>;
  /** Stops the server, keeping its data (a data centre's database going down). */
  pause(): Promise<void>;
  /** Starts it again on the same port. */
  resume(): Promise<void>;
}> {
  const bin = binDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'province-pg-'));
  const data = path.join(dir, 'data');
  const pgCtl = path.join(bin, 'pg_ctl');
  let started = false;
  const stop = async () => {
    if (started) await runPg(pgCtl, ['stop', '-D', data, '-m', 'immediate', '-w']);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    if (asRoot) await exec('chown', ['postgres', dir]);
    await runPg(path.join(bin, 'initdb'), [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ]);
    const port = await freePort();
    const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
    const start = () =>
      runPg(pgCtl, ['start', '-D', data, '-l', path.join(dir, 'server.log'), '-w', '-o', serverOptions]);
    await start();
    started = true;
    const url = await createDatabase(`postgres://postgres@127.0.0.1:${port}/postgres`, 'province');
    return {
      url,
      stop,
      pause: async () => {
        await runPg(pgCtl, ['stop', '-D', data, '-m', 'immediate', '-w']);
        started = false;
      },
      resume: async () => {
        await start();
        started = true;
      },
    };
  } catch (error) {
    const log = path.join(dir, 'server.log');
    const detail = fs.existsSync(log) ? `\n${fs.readFileSync(log, 'utf8')}` : '';
    await stop().catch(() => {});
    throw new Error(`could not start a test PostgreSQL: ${(error as Error).message}${detail}`, { cause: error });
  }
}

/** One plain connection to the database of `url`, straight to the server past the code under test, ended after `fn`. */
export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates database `name` on the server of `url`; resolves with the URL of the new database. */
export async function createDatabase(url: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  await withClient(url, (client) => client.query(`CREATE DATABASE ${name}`));
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}
