import type { z } from 'zod';

/**
 * Who may call a method:
 * public — before login (status, first-run setup, login);
 * user — any signed-in role, including 领导 (read and print);
 * entry — 录入员 and 管理员 (records); review — 审核员 and 管理员 (anomaly decisions); admin — 管理员 only.
 */
export type Access = 'public' | 'user' | 'entry' | 'review' | 'admin';

/**
 * Which installation serves a method: a city desk, the province's workbench (a store set up for 140000), or both
 * (unset). Methods of `entry` access are the city's whatever this says: the province never records or edits.
 */
export type Scope = 'city' | 'province';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  access: Access;
  scope?: Scope;
  input: I;
  output: O;
}

/** Declares one service method; keeps the literal zod types so that inputs and outputs are inferred everywhere. */
export function method<I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> {
  return spec;
}
