import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/runCli';

/** Lints a snippet as if it were a file at `filePath`, with the project's own config. */
async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the arrows of DESIGN §1', () => {
  it('refuses a renderer file that imports core/', async () => {
    const messages = await restrictedImports('renderer/pages/Bad.tsx', "import { openStore } from '../../core/store/store';\nexport const x = openStore;\n");
    expect(messages.join()).toContain('renderer/ 只能通过 shared/');
  });

  it('refuses Node in the renderer and in shared/', async () => {
    expect(await restrictedImports('renderer/x.ts', "import fs from 'node:fs';\nexport const x = fs;\n")).toHaveLength(1);
    expect(await restrictedImports('shared/x.ts', "import path from 'path';\nexport const x = path;\n")).toHaveLength(1);
  });

  it('refuses electron outside electron/, and core importing the renderer', async () => {
    expect(await restrictedImports('core/x.ts', "import { app } from 'electron';\nexport const x = app;\n")).toHaveLength(1);
    expect(await restrictedImports('core/x.ts', "import { call } from '../renderer/transport/desk';\nexport const x = call;\n")).toHaveLength(1);
  });

  it('lets the renderer import shared/ and electron/ import core/', async () => {
    expect(await restrictedImports('renderer/x.ts', "import { contract } from '../shared/contract/index';\nexport const x = contract;\n")).toEqual([]);
    expect(await restrictedImports('electron/x.ts', "import { openStore } from '../core/store/store';\nexport const x = openStore;\n")).toEqual([]);
  });
});
