// The layers of src/, lowest first, as the README's architecture section draws them. A module may import
// from its own layer and the layers below it, never from a layer above: an upward import fails `npm run lint`.
const LAYERS = [
  ['base', '^src/(config|log)\\.ts$'],
  ['data', '^src/data/'],
  ['i18n', '^src/i18n/'],
  ['domain', '^src/domain/'],
  ['storage', '^src/storage/'],
  ['reply', '^src/reply/'],
  ['render', '^src/render/'],
  ['views', '^src/views/'],
  ['app', '^src/app/'],
  ['commands', '^src/commands/'],
  ['front ends', '^src/(discord|console|ops)/'],
  ['entry points', '^src/(index|http)\\.ts$'],
];

const upward = LAYERS.slice(0, -1).map(([name, path], i) => ({
  name: `no-upward-from-${name.replace(' ', '-')}`,
  comment: `${name} is below ${LAYERS.slice(i + 1)
    .map(([above]) => above)
    .join(', ')}: it must not import from them`,
  severity: 'error',
  from: { path },
  to: { path: LAYERS.slice(i + 1).map(([, above]) => above) },
}));

// Discord's library stays out of everything below the front ends (the README's "no discord.js below this line").
const noDiscordBelowFrontEnds = {
  name: 'no-discord-js-below-front-ends',
  comment: 'domain, views, app and commands know nothing of discord.js; discord/ turns interactions into calls',
  severity: 'error',
  from: { path: '^src/(data|i18n|domain|storage|reply|render|views|app|commands)/' },
  to: { path: 'node_modules/(discord\\.js|@discordjs/|discord-api-types)' },
};

module.exports = {
  forbidden: [
    ...upward,
    noDiscordBelowFrontEnds,
    {
      name: 'no-circular',
      comment: 'Import cycles hide which module is the lower one; break them by passing the value in.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-src-importing-tests',
      comment: 'Production code never depends on test helpers.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|bench)/' },
    },
    {
      name: 'no-unresolvable',
      comment: 'An import that resolves to nothing is a typo or a missing dependency.',
      severity: 'error',
      from: {},
      // geojson and topojson-specification exist only as @types packages, which the resolver does not map.
      to: { couldNotResolve: true, pathNot: '^(geojson|topojson-specification)$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // TypeScript 7 has no JavaScript API for dependency-cruiser to parse with; swc reads the .ts files.
    parser: 'swc',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.json'],
    },
  },
};
