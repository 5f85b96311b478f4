import type { provinceInstallationsMethods } from '../../../shared/contract/provinceInstallations';
import type { HandlersOf } from '../../service/context';
import { EnrollError, enrollKey, replaceKey, revokeKey } from './keys';
import { listInstallations } from './register';

/** 安装登记 at the province: the same rules as `patent-desk province enroll`, audited as the signed-in administrator. */
export const provinceInstallationsHandlers = {
  'installations.list': (_input, ctx) => listInstallations(ctx.province),

  'installations.enroll': async (input, ctx) => {
    const { readable, created } = await enrollKey(
      ctx.province,
      input.regionCode,
      input.publicKeyPem,
      ctx.requireActor(),
      ctx.now().toISOString(),
    );
    return { readable, created };
  },

  'installations.replace': async (input, ctx) => {
    const old = (await listInstallations(ctx.province)).find((k) => k.fingerprint === input.fingerprint);
    if (!old) throw new EnrollError('找不到要替换的已登记公钥');
    const { readable, replaced } = await replaceKey(
      ctx.province,
      old.regionCode,
      input.publicKeyPem,
      old.fingerprint,
      ctx.requireActor(),
      ctx.now().toISOString(),
    );
    return { readable, replaced };
  },

  'installations.revoke': async (input, ctx) => {
    const { readable } = await revokeKey(
      ctx.province,
      input.fingerprint,
      input.reason,
      ctx.requireActor(),
      ctx.now().toISOString(),
    );
    return { readable };
  },
} satisfies HandlersOf<typeof provinceInstallationsMethods>;
