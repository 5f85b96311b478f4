import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADMIN, CLI, startDesk, type Desk } from './fixtures';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

type Cli = Desk['cli'];

function cliOn(dbPath: string): Cli {
  return (args, env = {}) => {
    const r = spawnSync(process.execPath, [CLI, '--db', dbPath, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, PATENT_DESK_PASSWORD: ADMIN.password, ...env },
    });
    if (r.status !== 0) throw new Error(`patent-desk ${args.join(' ')}:\n${r.stderr}`);
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
}

/**
 * The province's workbench in browser mode over a store that two cities reported to the real way: each city desk
 * imports its own sample workbook (another seed each) and any CSV sheets of its own (`csv`: a sheet's text, known by
 * its headers), exports its pending records as a signed batch file, and the province enrolls its key and ingests the
 * file (`province ingest`, the code the HTTP endpoint runs).
 */
export async function provinceWithTwoCities(
  cities: { region: string; seed: number; csv?: string[] }[],
): Promise<{ desk: Desk; stop: () => void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-province-'));
  const dbPath = path.join(dir, 'prov.db');
  const province = cliOn(dbPath);
  province(['init', '--region', '140000', '--admin', ADMIN.username, '--display-name', ADMIN.displayName]);
  for (const { region, seed, csv = [] } of cities) {
    const city = cliOn(path.join(dir, `city-${region}.db`));
    const at = (name: string) => path.join(dir, `${region}-${name}`);
    city(['init', '--region', region, '--admin', ADMIN.username]);
    city(['sample', '--out', at('sample.xlsx'), '--seed', String(seed)]);
    city(['import', at('sample.xlsx')]);
    csv.forEach((text, i) => {
      fs.writeFileSync(at(`sheet-${i}.csv`), text);
      city(['import', at(`sheet-${i}.csv`)]);
    });
    city(['key', '--out', at('key.pem')]);
    city(['export-batch', '--out', at('batch.pdbatch')]);
    province(['province', 'enroll', '--region', region, '--key', at('key.pem')]);
    province(['province', 'ingest', at('batch.pdbatch')]);
  }
  const { child, url } = await startDesk(dbPath);
  return {
    desk: { url, dbPath, dir, cli: province },
    stop: () => {
      child.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
