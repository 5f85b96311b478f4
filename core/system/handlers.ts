import { verifyAuditChainOn } from '../audit/auditLog';
import { AUDIT_ENTRY_COLUMNS, readAuditEntries, requireAuditReader, searchAudit } from '../audit/searchAudit';
import { localAnchors } from '../sync/auditAnchors';
import { newId } from '../store/ids';
import { type systemMethods, generalSettings } from '../../shared/contract/system';
import { regionName, resolveRegion, CITY_REGIONS, PROVINCE_CODE } from '../../shared/domain/regions';
import { todayIso } from '../../shared/domain/dates';
import type { HandlersOf } from '../service/context';
import { DeskError } from '../service/errors';
import { writeProvince } from '../province/store/provinceWriter';
import { readInstallationOn } from './installation';
import { GENERAL_SETTINGS_KEY as GENERAL, readSettingWithVersion, writeSetting } from './settingsStore';
import { createUser, toUserView } from '../users/users';

const INSTALLATION_REGIONS = new Set<string>([...CITY_REGIONS.map((r) => r.code), PROVINCE_CODE]);

export const systemHandlers = {
  'system.status': async (_input, ctx) => {
    const installation = await readInstallationOn(ctx.province);
    return {
      setUp: installation !== null,
      region: installation
        ? { code: installation.regionCode, name: regionName(installation.regionCode) ?? installation.regionCode }
        : null,
      installationId: installation?.id ?? null,
      setupRegion: installation ? null : (ctx.options.setupRegion ?? null),
      appVersion: ctx.options.appVersion,
      // A desk's SQLite store counts its schema in user_version; the province's PostgreSQL database in its own table.
      schemaVersion:
        ctx.province.dialect === 'postgres'
          ? (await ctx.province.describe()).schemaVersion
          : (ctx.store.db.pragma('user_version', { simple: true }) as number),
      database: ctx.province.dialect,
      today: todayIso(ctx.now()),
    };
  },

  'system.setup': async (input, ctx) => {
    // The province itself is an installation region too (a provincial office), though no party is located "in" it.
    const region =
      input.regionCode === PROVINCE_CODE ? { ok: true as const, code: PROVINCE_CODE } : resolveRegion(input.regionCode);
    if (!region.ok || !INSTALLATION_REGIONS.has(region.code)) {
      throw new DeskError('VALIDATION', '请选择本机所属地区（11 个地市、综改区或省级）', { field: 'regionCode' });
    }
    if (ctx.options.setupRegion && region.code !== ctx.options.setupRegion) {
      throw new DeskError(
        'VALIDATION',
        `这是省级工作台的数据库，只能设置为${regionName(ctx.options.setupRegion) ?? ctx.options.setupRegion}`,
        { field: 'regionCode' },
      );
    }
    if (await readInstallationOn(ctx.province)) throw new DeskError('ALREADY_SET_UP', '本机已完成初始设置，请直接登录');
    const user = await createUser.prepare(input.adminUsername, input.adminDisplayName, '管理员', input.password, false);
    const at = ctx.now().toISOString();
    // The first administrator acts for the setup itself, so the audit log starts with who set the store up.
    const firstAdministrator = { id: user.id, name: user.displayName, role: '管理员' } as const;
    const created = await writeProvince(ctx.province, firstAdministrator, at, async (w) => {
      // Two first runs at once (two browser tabs): the installation row is taken first, so the second one waits here.
      await w.tx.lock('installation');
      if (await readInstallationOn(w.tx)) throw new DeskError('ALREADY_SET_UP', '本机已完成初始设置，请直接登录');
      const installationId = newId();
      await w.tx.run('INSERT INTO installation (id, region_code, created_at) VALUES (?, ?, ?)', [
        installationId,
        region.code,
        at,
      ]);
      await w.record({
        action: 'system.setup',
        entity: 'installation',
        entityId: installationId,
        detail: { regionCode: region.code },
      });
      return createUser.insert(w, user);
    });
    await ctx.setSessionUser(created.id);
    return toUserView(created);
  },

  'settings.getGeneral': async (_input, ctx) =>
    (await readSettingWithVersion(ctx.province, GENERAL, generalSettings)).value,

  'settings.updateGeneral': async (input, ctx) => {
    const actor = ctx.requireActor();
    await ctx.writeProvince((w) => writeSetting(w, GENERAL, input, actor.name));
    return input;
  },

  'audit.history': (input, ctx) =>
    readAuditEntries(
      ctx.province,
      `SELECT ${AUDIT_ENTRY_COLUMNS} FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY seq`,
      [input.entity, input.entityId],
    ),
  'audit.search': (input, ctx) => {
    requireAuditReader(ctx.requireActor().role);
    return searchAudit(ctx.province, input);
  },
  'audit.verify': async (_input, ctx) => {
    requireAuditReader(ctx.requireActor().role);
    // A desk holds its chain to the anchors of the batches it sent; the province (on PostgreSQL) sends none.
    const anchors = ctx.province.dialect === 'sqlite' ? localAnchors(ctx.store.db) : [];
    const checked = await verifyAuditChainOn(ctx.province, anchors);
    return checked.ok ? { ok: true, rows: checked.rows, brokenSeq: null, message: null } : checked;
  },
} satisfies HandlersOf<typeof systemMethods>;
