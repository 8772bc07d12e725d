// The import rules that keep Ringside's layers apart, checked by `npm run deps` (part of
// `npm run verify`, so of `npm test` and `npm run check`). ESLint's no-restricted-imports guards
// single imports by name; these rules see the resolved graph: folders, cycles, and type-only
// imports too (a type import still ties one layer to another's code).
/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'No import cycles: a cycle has no start, so load order decides what is undefined, and the ' +
        'modules in it can only be understood (and tested) together.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-not-to-hosts-or-sims',
      severity: 'error',
      comment:
        'electron/core/ is the same for both hosts and knows neither of them, nor Electron, nor ' +
        'the simulators: the hosts hand it what it needs (the demo comes in as the startDemo port).',
      from: { path: '^electron/core/' },
      to: {
        path: [
          '^electron/(main|headless|preload|demo|sim)/',
          '(^|/)node_modules/electron/',
          '(^|/)node_modules/electron-store/',
        ],
      },
    },
    {
      name: 'integrations-apart',
      severity: 'error',
      comment:
        'An integration (electron/core/integrations/<name>/) knows no other integration: each ' +
        'follows the calls on its own, and a new one is added without touching the others. ' +
        'They meet only in integrations/compose.ts.',
      from: { path: '^electron/core/integrations/([^/]+)/' },
      to: {
        path: '^electron/core/integrations/',
        pathNot: '^electron/core/integrations/$1/',
      },
    },
    {
      name: 'sim-stands-alone',
      severity: 'error',
      comment:
        'The simulators are stand-ins for outside services: they import nothing of the app ' +
        '(only shared/ wire types and helpers), so they cannot be shaped by the code they test.',
      from: { path: '^electron/sim/' },
      to: { path: ['^electron/(core|main|headless|preload|demo)/', '^renderer/'] },
    },
    {
      name: 'demo-only-from-composition-roots',
      severity: 'error',
      comment:
        'The demo (and through it the simulators) is wired in by the two composition roots only.',
      from: {
        path: '^electron/',
        pathNot: [
          '^electron/(demo|sim)/',
          '^electron/main/index\\.ts$',
          '^electron/headless/host\\.ts$',
        ],
      },
      to: { path: '^electron/(demo|sim)/' },
    },
    {
      name: 'shared-runs-anywhere',
      severity: 'error',
      comment:
        'shared/ runs in main, preload and renderer: no Electron, no renderer, no main-side ' +
        'code (and, next rule, no Node built-ins).',
      from: { path: '^shared/' },
      to: {
        path: ['^electron/', '^renderer/', '(^|/)node_modules/electron/'],
      },
    },
    {
      name: 'shared-no-node-builtins',
      severity: 'error',
      comment: 'shared/ runs in the renderer too, where Node built-ins do not exist.',
      from: { path: '^shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-not-to-electron',
      severity: 'error',
      comment:
        'The renderer reaches main only through the IPC contract (shared/ipc), never by import, ' +
        'and has no Node.',
      from: { path: '^renderer/' },
      to: { path: ['^electron/', '(^|/)node_modules/electron/'] },
    },
    {
      name: 'renderer-no-node-builtins',
      severity: 'error',
      comment: 'The renderer is a sandboxed web page: Node built-ins do not exist there.',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: `import type` from another layer is still a dependency on it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.js', '.svelte', '.mjs', '.cjs', '.json'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    exclude: { path: ['^out/', '^test-results/'] },
  },
};
