import { generateKeyPairSync } from 'node:crypto';
import { keyFingerprint } from '../../core/sync/signing';
import type { MethodInput, MethodName } from '../../shared/contract/index';
import { filingsSamples } from './filingsSamples';
import { provinceSamples } from './provinceSamples';
import { reviewSamples } from './reviewSamples';
import { matchingSamples } from './matchingSamples';

/** What earlier calls of the walk returned, for samples that refer to records made before them. */
export type WalkState = Map<MethodName, unknown>;

/** Two installations' public keys: the walk enrolls the first, replaces it by the second, then revokes that. */
const WALK_KEYS = [0, 1].map(() =>
  generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString(),
) as [string, string];

export const WALK_ADMIN = { username: 'walker', password: 'walker-pass-1' };

/**
 * One valid input for every method of the contract, in contract order (a method without a sample does not
 * compile). The walk in tests/contract.test.ts sends each over HTTP to a real store and checks the output
 * against the contract.
 */
export const contractSamples: { [K in MethodName]: (state: WalkState) => MethodInput<K> } = {
  'system.status': () => ({}),
  'system.setup': () => ({
    regionCode: '140100',
    adminUsername: WALK_ADMIN.username,
    adminDisplayName: '走查管理员',
    password: WALK_ADMIN.password,
  }),
  'settings.getGeneral': () => ({}),
  'settings.updateGeneral': () => ({ provinceEndpointUrl: 'http://127.0.0.1:1' }),
  'audit.history': () => ({ entity: 'settings', entityId: 'general' }),
  'audit.search': () => ({ entity: 'settings', from: '2020-01-01T00:00:00.000Z' }),
  'audit.verify': () => ({}),
  'auth.login': () => ({ ...WALK_ADMIN }),
  'auth.logout': () => ({}),
  'auth.me': () => ({}),
  'users.list': () => ({}),
  'users.create': () => ({ username: 'clerk', displayName: '录入员甲', role: '录入员', password: 'clerk-pass-1' }),
  'users.update': (state) => ({ id: (state.get('users.create') as { id: string }).id, role: '审核员' }),
  'users.changePassword': () => ({ currentPassword: WALK_ADMIN.password, newPassword: WALK_ADMIN.password }),
  'users.resetPassword': (state) => ({
    id: (state.get('users.create') as { id: string }).id,
    newPassword: 'clerk-reset-1',
  }),
  ...filingsSamples,
  'indicators.report': () => ({ region: '140100', year: 2022 }),
  'indicators.dashboard': () => ({ region: '140000', year: 2022 }),
  'indicators.evaluation': () => ({ region: '140100', year: 2022 }),
  'indicators.evaluationAll': () => ({ year: 2022 }),
  'indicators.deals': () => ({ region: '140100', year: 2022, family: 'I1' }),
  'indicators.exportTable': () => ({ title: '累计进度', headers: ['年度', 'I1（项）'], rows: [['2022', 12]] }),
  'targets.get': () => ({}),
  'targets.save': () => ({
    targets: [
      { regionCode: '140100', indicator: 'I1', yearFrom: 2021, yearTo: 2023, target: 120, requiredGrowth: 0.4 },
    ],
    baselines: [{ regionCode: '140100', indicator: 'I1', year: 2020, value: 30 }],
  }),
  'targets.template': () => ({}),
  'targets.import': (state) => ({
    contentBase64: (state.get('targets.template') as { contentBase64: string }).contentBase64,
  }),
  'scoring.get': () => ({}),
  'scoring.update': () => ({ weights: { I1: 25, I2: 15 } }),
  'sync.overview': () => ({}),
  'sync.run': () => ({}),
  'sync.exportBatch': () => ({}),
  'sync.signingKey': () => ({}),
  'backup.list': () => ({}),
  'backup.create': () => ({}),
  'backup.inspect': (state) => ({ name: (state.get('backup.create') as { name: string }).name }),
  'backup.requestRestore': (state) => ({ name: (state.get('backup.create') as { name: string }).name }),
  'backup.cancelRestore': () => ({}),
  'import.template': () => ({}),
  'import.start': () => ({
    fileName: '企业年度数据.csv',
    base64: Buffer.from('企业名称,统一社会信用代码,年度\n走查企业,91110000600037341L,2022\n').toString('base64'),
    dryRun: true,
  }),
  'import.status': (state) => ({ jobId: (state.get('import.start') as { jobId: string }).jobId }),
  'import.cancel': (state) => ({ jobId: (state.get('import.start') as { jobId: string }).jobId }),
  'import.rejectedPage': (state) => ({
    jobId: (state.get('import.start') as { jobId: string }).jobId,
    offset: 0,
    limit: 100,
  }),
  'import.reportFile': (state) => ({ jobId: (state.get('import.start') as { jobId: string }).jobId }),
  'export.list': () => ({ list: 'deals', filters: { kind: '转让' }, format: 'csv' }),
  'export.table': () => ({ title: '指标表', columns: ['指标', '本年'], rows: [['I1', 3]], format: 'xlsx' }),
  ...reviewSamples,
  ...matchingSamples,
  'bulletin.build': () => ({ year: 2022, kind: 'quarter', number: 2 }),
  ...provinceSamples,
  // The province's workbench: refused on the city store of the walk (WRONG_INSTALLATION); core/province tests call them.
  'province.home': () => ({ year: 2022 }),
  'province.poolFunnel': () => ({ year: 2023 }),
  'installations.list': () => ({}),
  'installations.enroll': () => ({ regionCode: '140100', publicKeyPem: WALK_KEYS[0] }),
  'installations.replace': () => ({ fingerprint: keyFingerprint(WALK_KEYS[0]), publicKeyPem: WALK_KEYS[1] }),
  'installations.revoke': () => ({ fingerprint: keyFingerprint(WALK_KEYS[1]), reason: '电脑报废' }),
};
