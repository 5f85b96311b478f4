import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { newId } from '../store/ids';
import type { filingsMethods } from '../../shared/contract/index';
import { parsePatentNumber } from '../../shared/domain/patentNumber';
import type { HandlersOf } from '../service/context';
import { DeskError, notFound } from '../service/errors';
import { refuse } from './checks';
import { resolveParty } from './parties';
import { readPatent } from './patents';
import { searchParties } from './queries/searchParties';
import { VOIDABLE, type VoidableEntity } from './tables';

type Methods = typeof filingsMethods;

function draftOwner(actorId: string | null): string {
  if (!actorId) throw new DeskError('NO_DRAFTS', '命令行没有草稿，草稿只保存在登录用户名下');
  return actorId;
}

/** Attachments are stored once per content, named by their SHA-256, under <dataDir>/attachments. */
function attachmentPath(dataDir: string, storedName: string): string {
  return path.join(dataDir, 'attachments', storedName);
}

export const supportHandlers = {
  'parties.search': (input, ctx) => searchParties(ctx.store.db, input.query, input.limit),
  'parties.save': (input, ctx) => ctx.write((w) => resolveParty(w, input)),
  'patents.lookup': (input, ctx) => {
    const parsed = parsePatentNumber(input.number);
    return parsed.ok ? readPatent(ctx.store.db, parsed.normalized) : null;
  },

  'drafts.save': (input, ctx) => {
    const owner = draftOwner(ctx.requireActor().id);
    return ctx.write((w) => {
      w.db
        .prepare(
          `INSERT INTO drafts (user_id, form_key, data, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (user_id, form_key) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
        )
        .run(owner, input.key, JSON.stringify(input.data), w.at);
      w.record({ action: 'draft.save', entity: 'draft', entityId: input.key });
      return { savedAt: w.at };
    });
  },
  'drafts.load': (input, ctx) => {
    const owner = draftOwner(ctx.requireActor().id);
    const row = ctx.store.db
      .prepare('SELECT data, updated_at AS savedAt FROM drafts WHERE user_id = ? AND form_key = ?')
      .get(owner, input.key) as { data: string; savedAt: string } | undefined;
    return row ? { data: JSON.parse(row.data) as Record<string, unknown>, savedAt: row.savedAt } : null;
  },
  'drafts.clear': (input, ctx) => {
    const owner = draftOwner(ctx.requireActor().id);
    ctx.write((w) => {
      const removed = w.db.prepare('DELETE FROM drafts WHERE user_id = ? AND form_key = ?').run(owner, input.key);
      if (removed.changes > 0) w.record({ action: 'draft.clear', entity: 'draft', entityId: input.key });
    });
    return {};
  },

  'attachments.add': (input, ctx) => {
    const spec = VOIDABLE[input.entity as VoidableEntity];
    const owner = ctx.store.db.prepare(`SELECT id FROM ${spec.table} WHERE id = ?`).get(input.entityId);
    if (!owner) throw refuse('entityId', '找不到要添加附件的记录');
    const content = Buffer.from(input.contentBase64, 'base64');
    if (content.length === 0) throw refuse('contentBase64', '文件为空，请重新选择');
    const sha256 = createHash('sha256').update(content).digest('hex');
    const extension = path
      .extname(input.fileName)
      .toLowerCase()
      .replace(/[^.a-z0-9]/g, '')
      .slice(0, 10);
    const storedName = `${sha256}${extension}`;
    const file = attachmentPath(ctx.options.dataDir, storedName);
    // Written before the transaction: the same content always lands in the same file, so a rollback leaves at most
    // an unreferenced copy, never a record pointing at nothing.
    if (!fs.existsSync(file)) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(`${file}.part`, content);
      fs.renameSync(`${file}.part`, file);
    }
    const actor = ctx.requireActor();
    return ctx.write((w) => {
      const id = newId();
      w.db
        .prepare(
          `INSERT INTO attachments (id, entity, entity_id, file_name, sha256, size_bytes, stored_name, created_at, created_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, input.entity, input.entityId, input.fileName, sha256, content.length, storedName, w.at, actor.id);
      w.record({
        action: 'attachment.add',
        entity: input.entity,
        entityId: input.entityId,
        detail: { attachmentId: id, fileName: input.fileName, sha256 },
      });
      return { id, fileName: input.fileName, sha256, sizeBytes: content.length, createdAt: w.at };
    });
  },
  'attachments.read': (input, ctx) => {
    const row = ctx.store.db
      .prepare('SELECT file_name, sha256, stored_name FROM attachments WHERE id = ?')
      .get(input.id) as { file_name: string; sha256: string; stored_name: string } | undefined;
    if (!row) throw notFound('该附件');
    const file = attachmentPath(ctx.options.dataDir, row.stored_name);
    if (!fs.existsSync(file))
      throw new DeskError('ATTACHMENT_MISSING', `附件文件“${row.file_name}”不在数据文件夹中，可能已被移动或删除`);
    const content = fs.readFileSync(file);
    const sha256 = createHash('sha256').update(content).digest('hex');
    if (sha256 !== row.sha256)
      throw new DeskError('ATTACHMENT_ALTERED', `附件文件“${row.file_name}”已被改动，与登记时的内容不一致`);
    return { fileName: row.file_name, sha256, contentBase64: content.toString('base64') };
  },
  'attachments.void': (input, ctx) => {
    ctx.write((w) => {
      const row = w.db
        .prepare('SELECT entity, entity_id, file_name FROM attachments WHERE id = ? AND voided_at IS NULL')
        .get(input.id) as { entity: string; entity_id: string; file_name: string } | undefined;
      if (!row) throw notFound('该附件');
      w.db.prepare('UPDATE attachments SET voided_at = ? WHERE id = ?').run(w.at, input.id);
      w.record({
        action: 'attachment.void',
        entity: row.entity,
        entityId: row.entity_id,
        detail: { attachmentId: input.id, fileName: row.file_name },
      });
    });
    return {};
  },
} satisfies Partial<HandlersOf<Methods>>;
