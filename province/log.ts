/** Structured logs: one JSON object per line. */
export type Log = (entry: Record<string, unknown>) => void;

export function jsonLineLog(write: (line: string) => void = (line) => process.stdout.write(line)): Log {
  return (entry) => write(`${JSON.stringify({ at: new Date().toISOString(), ...entry })}\n`);
}

export const silentLog: Log = () => {};
