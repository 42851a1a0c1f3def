/**
 * Makes sure Debian's chromium is installed for the browser tests (test/web), so `npm test`
 * works on a fresh machine. Run by the `pretest` npm script. When /usr/bin/chromium is
 * missing it runs `apt-get update && apt-get install -y chromium`, which needs root; when that
 * is impossible it fails loudly and says what to run by hand.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

/** Where the browser tests expect Debian's chromium. */
export const ChromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

function run (command: string, args: string[]): void {
  console.log(`ensure-chromium: $ ${command} ${args.join(' ')}`)
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
  if (result.error !== undefined) {
    throw new Error(`ensure-chromium: cannot run ${command}: ${result.error.message}`, { cause: result.error })
  }
  if (result.status !== 0) {
    throw new Error(`ensure-chromium: "${command} ${args.join(' ')}" exited with status ${String(result.status)}`)
  }
}

function main (): void {
  if (existsSync(ChromiumPath)) {
    console.log(`ensure-chromium: ${ChromiumPath} is installed`)
    return
  }
  console.log(
    `ensure-chromium: ${ChromiumPath} is missing; installing Debian's chromium for the browser tests (takes a few minutes)`
  )
  if (process.getuid?.() !== 0) {
    throw new Error(
      'ensure-chromium: installing needs root. Run: sudo apt-get update && sudo apt-get install -y chromium (or set CHROMIUM_PATH to a chromium binary)'
    )
  }
  run('apt-get', ['update'])
  run('apt-get', ['install', '-y', 'chromium'])
  if (!existsSync(ChromiumPath)) {
    throw new Error(`ensure-chromium: apt-get finished but ${ChromiumPath} is still missing`)
  }
  console.log(`ensure-chromium: installed ${ChromiumPath}`)
}

try {
  main()
} catch (err) {
  console.error((err as Error).message)
  process.exit(1)
}
