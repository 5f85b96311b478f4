import { z } from 'zod';
import { nonEmpty, regionCode } from './common';
import { method } from './define';

export const provinceNoticeRow = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  sentBy: z.string(),
  sentAt: z.string(),
  /** Per region: when its desk fetched the notice, and when a user there marked it read (the receipt's time). */
  regions: z.array(
    z.object({ code: z.string(), name: z.string(), fetchedAt: z.string().nullable(), readAt: z.string().nullable() }),
  ),
});
export type ProvinceNoticeRow = z.infer<typeof provinceNoticeRow>;

export const cityNotice = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  sentAt: z.string(),
  receivedAt: z.string(),
  readAt: z.string().nullable(),
  readBy: z.string().nullable(),
});
export type CityNotice = z.infer<typeof cityNotice>;

export const provinceNoticesMethods = {
  /** 通知: what the province sent, and per region whether it was fetched and read. */
  'provinceNotices.list': method({
    access: 'user',
    scope: 'province',
    input: z.object({}),
    output: z.object({ rows: z.array(provinceNoticeRow) }),
  }),
  /** Free text to one region, several, or all (no region chosen); goes out with the next feedback each city reads. */
  'provinceNotices.send': method({
    access: 'review',
    scope: 'province',
    input: z.object({
      title: nonEmpty('通知标题', 60),
      body: nonEmpty('通知内容', 2000),
      regions: z.array(regionCode).default([]),
    }),
    output: z.object({ rows: z.array(provinceNoticeRow) }),
  }),
  /** The province's notices at a city desk: unread first (首页 shows those). */
  'notices.list': method({
    access: 'user',
    scope: 'city',
    input: z.object({ unreadOnly: z.boolean().default(false) }),
    output: z.object({ rows: z.array(cityNotice) }),
  }),
  /** 已读: by any signed-in user, audited; the receipt travels to the province with the next sync. */
  'notices.markRead': method({
    access: 'user',
    scope: 'city',
    input: z.object({ id: z.string().min(1) }),
    output: z.object({ rows: z.array(cityNotice) }),
  }),
};
