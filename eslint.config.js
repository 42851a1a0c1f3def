// The style fastify's own repositories use (neostandard), with TypeScript and a line limit.
import neostandard from 'neostandard'

export default [
  ...neostandard({ ts: true, ignores: ['node_modules/', '.tap/', 'data/', 'coverage/'] }),
  {
    rules: {
      // \`void promise\` marks a promise that is deliberately not awaited.
      'no-void': ['error', { allowAsStatement: true }],
      // It cannot see a flag that a callback or another async function changes (\`while (!stopped)\`).
      'no-unmodified-loop-condition': 'off',
      'new-cap': ['error', { newIsCap: true, capIsNew: false, properties: true, newIsCapExceptions: ['uPlot'] }],
      '@stylistic/max-len': ['error', {
        code: 120,
        ignoreUrls: true,
        ignoreRegExpLiterals: true,
        ignoreStrings: true,
        ignoreTemplateLiterals: true,
      }],
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      // A loop that only counts (`for (const _ of text)`) names its variable `_`.
      '@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^_$', args: 'none', ignoreRestSiblings: true }],
    },
  },
]
