import { z } from 'zod';
import { method } from './define';

/**
 * 目标下达: the province edits or imports the cities' targets with targets.save / targets.import (the same as 设置 → 目标);
 * on the province's workbench each save goes out to the cities it touches. This is what went out, per city.
 */
export const provinceTargetsMethods = {
  'provinceTargets.sent': method({
    access: 'user',
    scope: 'province',
    input: z.object({}),
    output: z.object({
      rows: z.array(
        z.object({ code: z.string(), name: z.string(), targets: z.number().int(), sentAt: z.string().nullable() }),
      ),
    }),
  }),
};
