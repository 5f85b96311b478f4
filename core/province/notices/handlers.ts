import type { provinceNoticesMethods } from '../../../shared/contract/provinceNotices';
import { CITY_REGIONS } from '../../../shared/domain/regions';
import type { HandlersOf } from '../../service/context';
import { invalid } from '../../service/errors';
import { listCityNotices, markNoticeRead } from '../../sync/notices';
import { listNotices, sendNotice } from './notices';

export const provinceNoticesHandlers = {
  'provinceNotices.list': async (_input, ctx) => ({ rows: await listNotices(ctx.province) }),

  'provinceNotices.send': async (input, ctx) => {
    const foreign = input.regions.find((code) => !CITY_REGIONS.some((r) => r.code === code));
    if (foreign) throw invalid(`接收地区 ${foreign} 不是山西省的地市（或综改区），请重新选择`, 'regions');
    const actor = ctx.requireActor();
    await ctx.writeProvince((w) => sendNotice(w, actor.name, input));
    return { rows: await listNotices(ctx.province) };
  },

  'notices.list': (input, ctx) => ({ rows: listCityNotices(ctx.store.db, input.unreadOnly) }),

  'notices.markRead': (input, ctx) => {
    const actor = ctx.requireActor();
    ctx.write((w) => markNoticeRead(w, input.id, actor.id));
    return { rows: listCityNotices(ctx.store.db, false) };
  },
} satisfies HandlersOf<typeof provinceNoticesMethods>;
