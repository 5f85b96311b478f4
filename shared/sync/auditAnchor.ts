import { z } from 'zod';

/**
 * The head of a city's audit chain when a batch was frozen: how many rows the chain had, the seq of its last row, and
 * that row's hash, which commits to the content of every row up to it. Carried inside the signed batch text from
 * schema version 2 on, so the province holds a copy of the chain's head that a person who can write the city's file
 * cannot take back.
 */
export const auditAnchor = z.object({
  rows: z.number().int().min(0),
  lastSeq: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AuditAnchor = z.infer<typeof auditAnchor>;

/** An anchor as the province holds it for an installation: the batch that brought it and any problem it found. */
export const heldAnchor = auditAnchor.extend({
  batchId: z.string(),
  receivedAt: z.string(),
  /** Chinese: why this anchor contradicts an earlier one of the same installation (truncated or rewritten), or null. */
  problem: z.string().nullable(),
});
export type HeldAnchor = z.infer<typeof heldAnchor>;

/** GET /v1/audit-anchors?installation=ID: every anchor the province holds for that installation, oldest first. */
export const heldAnchorList = z.object({ anchors: z.array(heldAnchor) });
export type HeldAnchorList = z.infer<typeof heldAnchorList>;

export function auditAnchorsPath(installationId: string): string {
  return `/v1/audit-anchors?installation=${encodeURIComponent(installationId)}`;
}
