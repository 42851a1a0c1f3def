#!/usr/bin/env node
// Runs the TypeScript CLI directly: tsx compiles on the fly, so there is no build step to forget.
import { register } from 'tsx/esm/api'

register()
// `frontdesk faq try ... | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0)
  else throw err
})
const { main } = await import('../src/cli/main.ts')
process.exitCode = await main(process.argv.slice(2))
