/**
 * Dependency rules, enforced by `npm run deps` (part of `npm test`):
 * the domain package is pure, the web never reaches into the server, production code
 * never imports test support, and nothing is circular.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'packages/domain holds rules only: no IO, no framework, no other package (zod is the one exception).',
      severity: 'error',
      from: { path: '^packages/domain/src' },
      to: {
        pathNot: [
          '^packages/domain/src',
          'node_modules/zod/',
          'node_modules/fast-check/',
          'node_modules/vitest/',
          'node_modules/@vitest/',
        ],
      },
    },
    {
      name: 'web-never-imports-server',
      severity: 'error',
      from: { path: '^packages/web' },
      to: { path: '^packages/server' },
    },
    {
      name: 'server-never-imports-web',
      severity: 'error',
      from: { path: '^packages/server' },
      to: { path: '^packages/web' },
    },
    {
      name: 'no-test-support-in-production',
      severity: 'error',
      from: { path: '^packages/server/src', pathNot: ['\\.test\\.ts$', '^packages/server/src/testing/'] },
      to: { path: '^packages/server/src/testing/' },
    },
    {
      name: 'routes-do-not-touch-sql',
      comment: 'Routes validate, authorize and delegate; SQL lives in repositories.',
      severity: 'error',
      from: { path: '\\.routes\\.ts$' },
      to: { path: ['node_modules/drizzle-orm/', '^packages/server/src/db/schema\\.ts$'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['/dist/', 'node_modules/\\.vite'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.json'],
    },
  },
};
