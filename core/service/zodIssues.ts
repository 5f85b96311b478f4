import type { z } from 'zod';

/** Flattens zod issues into dotted field paths with their (Chinese) messages. */
export function zodIssues(error: z.ZodError): { field: string; message: string }[] {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message }));
}
