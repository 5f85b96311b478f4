import { recordManyDeals } from '../../core/sync/testing/syncFixtures';
import { startChaosProxy } from '../../province/testing/chaosProxy';
import { type ProvinceEndpoint, startTestProvince } from '../../province/testing/testProvince';
import { exitCodeOf, killAsSoonAs } from './killAndRestart';
import { startCli } from './runCli';
import { setUpStore } from './tempStore';

/**
 * A city store (140100) with `deals` deals to report, enrolled at a test province on 127.0.0.1 that answers through a
 * slow proxy, so that `patent-desk sync` in batches of 100 is still under way when a test kills it. Whatever it starts
 * is pushed onto `cleanups`. The CLI runs as a child because the province lives in this process. The province is a
 * SQLite one unless `startProvince` starts another.
 */
export async function setUpSlowSync(
  cleanups: (() => unknown)[],
  deals: number,
  startProvince: () => Promise<ProvinceEndpoint> = startTestProvince,
) {
  const city = await setUpStore('140100');
  cleanups.push(city.close);
  const province = await startProvince();
  cleanups.push(province.close);
  await province.enroll(city.service.store, city.adminActor);
  recordManyDeals(city.service.store, city.adminActor, '140100', deals);
  const proxy = await startChaosProxy(province.url, () => 'slow', 150);
  cleanups.push(proxy.close);
  const args = ['--db', city.dbPath, 'sync', '--endpoint', proxy.url, '--batch-size', '100'];
  const accepted = () => province.logs.filter((l) => l.event === 'batch' && l.status === 200).length;
  return {
    city,
    province,
    /** Starts a sync and kills it with -9 once the province has accepted `batches`; resolves when the wire is quiet. */
    async killSyncOnceAccepted(batches: number) {
      await killAsSoonAs(startCli(args), () => accepted() >= batches);
      await proxy.settle();
    },
    /** Runs the sync again to its end; resolves its exit code. */
    syncAgain: () => exitCodeOf(startCli(args)),
  };
}
