import readline from 'node:readline';

/** Asks for a secret on the terminal without echoing it; resolves '' when there is no terminal. */
export async function readPassword(question: string): Promise<string> {
  if (!process.stdin.isTTY) return '';
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const output = rl as unknown as { _writeToOutput: (s: string) => void };
  process.stdout.write(question);
  output._writeToOutput = () => undefined;
  try {
    return await new Promise<string>((resolve) => rl.question('', resolve));
  } finally {
    rl.close();
    process.stdout.write('\n');
  }
}
