import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from './testing/runCli';

const IMPORT_RULES = ['layers/allowed-imports', 'no-restricted-imports'];

/** Lints a snippet as if it were a file at `filePath`, with the project's own config: the import refusals it gets. */
async function refusedImports(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => IMPORT_RULES.includes(m.ruleId ?? '')).map((m) => m.message);
}

const importing = (source: string) => `import * as x from '${source}';\nexport const y = x;\n`;

describe('the arrows of docs/architecture.md, as an allow-list per layer', () => {
  it('refuses a renderer file that imports core/', async () => {
    const messages = await refusedImports('renderer/pages/Bad.tsx', importing('../../core/store/store'));
    expect(messages.join()).toContain('renderer/ 只能通过 shared/');
  });

  it('refuses Node in the renderer, and anything but zod in shared/', async () => {
    expect(await refusedImports('renderer/x.ts', importing('node:fs'))).toHaveLength(1);
    expect(await refusedImports('renderer/x.ts', importing('better-sqlite3'))).toHaveLength(1);
    expect(await refusedImports('shared/x.ts', importing('path'))).toHaveLength(1);
    expect(await refusedImports('shared/domain/x.ts', importing('ulid'))).toEqual([
      'shared/ 只能引用 zod：它是纯 TypeScript，不得引用 Node、DOM、electron 或其他层（不得引用 ulid）',
    ]);
    expect(await refusedImports('shared/domain/x.ts', importing('zod'))).toEqual([]);
  });

  it.each([
    ['shared/contract/x.ts', '../../core/store/store', 'core'],
    ['core/x.ts', '../renderer/transport/desk', 'renderer'],
    ['core/x.ts', '../province/store', 'province'],
    ['core/sync/x.ts', '../../bench/run', 'bench'],
    ['province/x.ts', '../cli/context', 'cli'],
    ['electron/x.ts', '../province/intake', 'province'],
    ['electron/x.ts', '../cli/context', 'cli'],
    ['cli/x.ts', '../electron/main', 'electron'],
    ['renderer/x.ts', '../electron/bridge', 'electron'],
  ])('refuses %s importing %s (a layer not on its list)', async (file, source, layer) => {
    const messages = await refusedImports(file, importing(source));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(`不得引用 ${layer}/`);
  });

  it('refuses the electron package outside electron/', async () => {
    expect(await refusedImports('core/x.ts', importing('electron'))).toHaveLength(1);
    expect(await refusedImports('province/x.ts', importing('electron'))).toHaveLength(1);
  });

  it.each([
    ['renderer/x.ts', '../shared/contract/index'],
    ['core/x.ts', '../shared/contract/index'],
    ['province/x.ts', '../core/store/store'],
    ['cli/x.ts', '../province/store'],
    ['electron/x.ts', '../core/store/store'],
    ['electron/x.ts', 'electron'],
    ['core/service/x.test.ts', '../../tests/testing/tempStore'],
    ['core/indicators/testing/x.ts', '../../../tests/testing/tempStore'],
    ['core/indicators/testing/x.ts', 'vitest'],
    ['shared/domain/x.test.ts', 'fast-check'],
  ])('lets %s import %s', async (file, source) => {
    expect(await refusedImports(file, importing(source))).toEqual([]);
  });

  it("tells the province workbench's own folders from the provincial endpoint", async () => {
    expect(await refusedImports('core/service/x.ts', importing('../province/bulletin/handlers'))).toEqual([]);
    expect(await refusedImports('renderer/app/x.tsx', importing('../pages/province/bulletin/BulletinPage'))).toEqual(
      [],
    );
    expect(await refusedImports('core/service/x.ts', importing('../../province/server'))).toHaveLength(1);
    expect(await refusedImports('renderer/app/x.tsx', importing('../../province/server'))).toHaveLength(1);
  });

  it('keeps tests and benchmarks away from the shell and the renderer', async () => {
    expect(await refusedImports('tests/x.test.ts', importing('../renderer/transport/desk'))).toHaveLength(1);
    expect(await refusedImports('bench/x.ts', importing('../province/store'))).toEqual([]);
  });
});
