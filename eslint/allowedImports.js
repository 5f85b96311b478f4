// The arrows of docs/architecture.md as an allow-list: a file may import only from its own layer and the layers
// listed for it, and only the packages its layer may use. Anything not listed is refused, so a new folder or a new
// kind of import is a decision someone writes down here, not an accident.
import { builtinModules } from 'node:module';
import path from 'node:path';

/**
 * A layer's own tests (`*.test.ts`) and test helpers (in `testing/` folders beside the code they serve) may also use
 * the test tooling and the shared helpers in tests/testing/.
 */
const TEST_PACKAGES = ['vitest', 'fast-check'];
const isTestSupport = (file) => /\.test\.tsx?$|[\\/]testing[\\/]/.test(file);
/** The app's own metadata (its version) is readable from any layer. */
const ROOT_FILES = ['package.json'];
const NODE = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

/**
 * Per layer: the other layers it may import, and which packages (`any`, `anyButNode`: npm packages and no Node
 * builtins, or a list). `electron` (the package) belongs to the electron layer alone.
 */
export const LAYERS = {
  shared: {
    layers: [],
    packages: ['zod'],
    why: 'shared/ 只能引用 zod：它是纯 TypeScript，不得引用 Node、DOM、electron 或其他层',
  },
  core: { layers: ['shared'], packages: 'any', why: 'core/ 只能引用 shared/' },
  province: { layers: ['core', 'shared'], packages: 'any', why: 'province/ 只能引用 core/ 和 shared/' },
  cli: { layers: ['core', 'shared', 'province'], packages: 'any', why: 'cli/ 只能引用 core/、shared/ 和 province/' },
  electron: { layers: ['core', 'shared'], packages: 'any', electron: true, why: 'electron/ 只能引用 core/ 和 shared/' },
  renderer: {
    layers: ['shared'],
    packages: 'anyButNode',
    forbidden: ['better-sqlite3', 'fastify', '@fastify/', 'exceljs', 'commander'],
    why: 'renderer/ 只能通过 shared/ 的服务契约访问数据，不得引用 core、electron 或 Node',
  },
};

const layerOf = (root, file) => path.relative(root, file).split(path.sep)[0];
const packageName = (source) =>
  source.startsWith('@') ? source.split('/').slice(0, 2).join('/') : source.split('/')[0];

/** Why `source`, imported by a file of `layer`, is refused; null when it is allowed. */
function refusal(rules, layer, source, file, root) {
  if (source.startsWith('.') || path.isAbsolute(source)) {
    const target = layerOf(root, path.resolve(path.dirname(file), source));
    if (target === layer || rules.layers.includes(target) || ROOT_FILES.includes(target)) return null;
    return target === 'tests' && isTestSupport(file) ? null : `${rules.why}（不得引用 ${target}/）`;
  }
  const name = packageName(source);
  if (isTestSupport(file) && TEST_PACKAGES.includes(name)) return null;
  if (name === 'electron') return rules.electron ? null : `${rules.why}（不得引用 electron）`;
  if (Array.isArray(rules.packages)) return rules.packages.includes(name) ? null : `${rules.why}（不得引用 ${name}）`;
  if (rules.packages === 'anyButNode' && (NODE.has(source) || rules.forbidden.some((f) => source.startsWith(f))))
    return `${rules.why}（不得引用 ${source}）`;
  return null;
}

export const allowedImports = {
  meta: {
    type: 'problem',
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const file = context.filename;
    const layer = layerOf(root, file);
    const rules = LAYERS[layer];
    if (!rules) return {};
    const check = (node) => {
      if (typeof node.source?.value !== 'string') return;
      const why = refusal(rules, layer, node.source.value, file, root);
      if (why) context.report({ node: node.source, message: why });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};
