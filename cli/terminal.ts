/**
 * Everything the CLI prints goes through here, because so much of it carries user data: a cell of an imported file, a
 * party name, a reason the province sent back. Such text may hold control characters, and a terminal obeys them (ESC
 * starts a sequence that can rewrite the screen or the window title, BEL rings, bidirectional overrides reorder what
 * is shown). They are printed as \u001b instead: visible, and still valid inside the JSON the --json options print.
 * Line feeds stay: they are the CLI's own line structure.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNPRINTABLE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function terminalText(text: string): string {
  return text.replace(UNPRINTABLE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function printOut(text: string): void {
  process.stdout.write(terminalText(text));
}

export function printErr(text: string): void {
  process.stderr.write(terminalText(text));
}
