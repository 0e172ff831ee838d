// The layer rule (after VS Code's code-layering lint): which folder of the project may import which, and which native
// packages each process may load. Production code is held to it; tests may import across layers, to drive the real
// pieces together.
import path from 'node:path';

/** Folders in order of specificity: the first whose prefix matches a file is its layer. */
export const LAYERS = [
  {
    layer: 'core/contract/',
    may: ['core/contract/'],
    why: 'the contract is shared with the renderer and imports nothing of the project',
  },
  { layer: 'core/', may: ['core/'], why: 'core is the ground: it imports only core' },
  { layer: 'worker/', may: ['worker/', 'core/'], why: 'the worker builds on core' },
  { layer: 'electron/', may: ['electron/', 'core/'], why: 'electron/ is an adapter over core' },
  { layer: 'server/', may: ['server/', 'core/'], why: 'server/ is an adapter over core' },
  {
    layer: 'cli/',
    // One named exception: `--in-process` (benchmarks, debugging) runs the worker's job code in the CLI's process.
    may: ['cli/', 'core/', 'server/', 'worker/inProcessLauncher'],
    why: 'cli/ is an adapter over core and may start the server; worker code runs in the forked worker',
  },
  {
    layer: 'renderer/',
    may: ['renderer/', 'core/contract/'],
    why: 'the renderer reaches the host only through core/contract',
  },
];

/** Packages that only some folders may load: native code the host must not run, or that has one owner. */
export const PACKAGE_OWNERS = [
  {
    pkg: 'onnxruntime-node',
    owners: ['worker/'],
    why: 'a model can crash its process: onnxruntime runs only in the supervised worker',
  },
  { pkg: 'onnxruntime-common', owners: ['worker/'], why: 'onnxruntime runs only in the supervised worker' },
  { pkg: 'better-sqlite3', owners: ['core/db/'], why: 'SQL lives in core/db' },
  { pkg: 'sqlite-vec', owners: ['core/db/'], why: 'SQL lives in core/db' },
  {
    pkg: 'electron',
    owners: ['electron/'],
    why: 'Electron runs only in electron/ (it cannot run on the build machines)',
  },
];

const isTest = (file) => /\.(test|spec)\.tsx?$/.test(file);

function layerOf(file) {
  return LAYERS.find((l) => file.startsWith(l.layer));
}

function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** @type {import('eslint').Rule.RuleModule} */
export const layersRule = {
  meta: { type: 'problem', docs: { description: 'Enforce the import direction between Thumper layers' }, schema: [] },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const layer = layerOf(file);
    const test = isTest(file);

    function check(node, spec) {
      if (typeof spec !== 'string') return;
      if (spec.startsWith('.')) {
        if (!layer || test) return;
        const target = path
          .relative(root, path.resolve(path.dirname(context.filename), spec))
          .split(path.sep)
          .join('/');
        const targetLayer = layerOf(target + '/') ?? layerOf(target);
        const inProject = targetLayer || /^(testing|bench|e2e)\//.test(target);
        if (inProject && !layer.may.some((p) => (target + '/').startsWith(p))) {
          context.report({ node, message: `${file} may not import ${target}: ${layer.why}.` });
        }
        return;
      }
      if (spec.startsWith('node:') || /^(bench|testing|e2e)\//.test(file) || test) return;
      const owner = PACKAGE_OWNERS.find((o) => o.pkg === packageName(spec));
      if (owner && !owner.owners.some((p) => file.startsWith(p))) {
        context.report({ node, message: `${file} may not load ${owner.pkg}: ${owner.why}.` });
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
      CallExpression: (node) => {
        if (
          node.callee.type === 'Identifier' &&
          node.callee.name === 'require' &&
          node.arguments[0]?.type === 'Literal'
        ) {
          check(node, node.arguments[0].value);
        }
      },
    };
  },
};
