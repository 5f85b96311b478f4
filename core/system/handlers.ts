import { verifyAuditChain } from '../audit/auditLog';
import { AUDIT_ENTRY_COLUMNS, readAuditEntries, requireAuditReader, searchAudit } from '../audit/searchAudit';
import { localAnchors } from '../sync/auditAnchors';
import { newId } from '../store/ids';
import { type systemMethods, generalSettings } from '../../shared/contract/system';
import { regionName, resolveRegion, CITY_REGIONS, PROVINCE_CODE } from '../../shared/domain/regions';
import { todayIso } from '../../shared/domain/dates';
import type { HandlersOf } from '../service/context';
import { createWriter } from '../service/context';
import { DeskError } from '../service/errors';
import { readInstallation } from './installation';
import { GENERAL_SETTINGS_KEY as GENERAL, readSettingWithVersion, writeSetting } from './settingsStore';
import { createUser, toUserView } from '../users/users';

const INSTALLATION_REGIONS = new Set<string>([...CITY_REGIONS.map((r) => r.code), PROVINCE_CODE]);

export const systemHandlers = {
  'system.status': (_input, ctx) => {
    const installation = readInstallation(ctx.store.db);
    return {
      setUp: installation !== null,
      region: installation
        ? { code: installation.regionCode, name: regionName(installation.regionCode) ?? installation.regionCode }
        : null,
      installationId: installation?.id ?? null,
      setupRegion: installation ? null : (ctx.options.setupRegion ?? null),
      appVersion: ctx.options.appVersion,
      schemaVersion: ctx.store.db.pragma('user_version', { simple: true }) as number,
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
    if (readInstallation(ctx.store.db)) throw new DeskError('ALREADY_SET_UP', '本机已完成初始设置，请直接登录');
    const user = await createUser.prepare(input.adminUsername, input.adminDisplayName, '管理员', input.password, false);
    const at = ctx.now().toISOString();
    // The first administrator acts for the setup itself, so the audit log starts with who set the store up.
    const created = ctx.store.transaction((db) => {
      if (readInstallation(db)) throw new DeskError('ALREADY_SET_UP', '本机已完成初始设置，请直接登录');
      const w = createWriter(db, { id: user.id, name: user.displayName, role: '管理员' }, at);
      const installationId = newId();
      db.prepare('INSERT INTO installation (id, region_code, created_at) VALUES (?, ?, ?)').run(
        installationId,
        region.code,
        at,
      );
      w.record({
        action: 'system.setup',
        entity: 'installation',
        entityId: installationId,
        detail: { regionCode: region.code },
      });
      return createUser.insert(w, user);
    });
    ctx.setSessionUser(created.id);
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
      ctx.store.db,
      `SELECT ${AUDIT_ENTRY_COLUMNS} FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY seq`,
      [input.entity, input.entityId],
    ),
  'audit.search': (input, ctx) => {
    requireAuditReader(ctx.requireActor().role);
    return searchAudit(ctx.store.db, input);
  },
  'audit.verify': (_input, ctx) => {
    requireAuditReader(ctx.requireActor().role);
    const checked = verifyAuditChain(ctx.store.db, localAnchors(ctx.store.db));
    return checked.ok ? { ok: true, rows: checked.rows, brokenSeq: null, message: null } : checked;
  },
} satisfies HandlersOf<typeof systemMethods>;
