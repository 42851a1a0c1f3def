/**
 * The fast loop, `npm run test:unit`: the tests that need no server, no browser and no root
 * (core, render, services, the in-process bus and the widget's DOM-free logic), in this one process.
 *
 * tap runs every test file in a process of its own; with the TypeScript loader, that start
 * costs about 0.7 s of CPU per file, which is most of what these tests cost: as 50 processes
 * they took 88 s of CPU (150 s of wall time on a busy 2-core machine), in one 11 s (9 s).
 * `npm test` still runs each file on its own: this one is not a `.test.ts`, so tap does not
 * pick it up there. A test that needs a process to itself (one that mocks modules or leaves
 * globals changed) does not belong in these folders.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const Folders = ['core', 'render', 'services']
const Files = [
  'store/local-bus.test.ts',
  'web/browser-logic.test.ts',
  'web/widget-connection.test.ts',
  'web/widget-controller.test.ts',
  'web/widget-outbox.test.ts',
]

const here = import.meta.dirname
// A file that starts PostgreSQL or Chromium through test/setup/ (which may install them with
// apt) needs root and minutes: `npm test` runs it, the fast loop does not.
const needsSetup = (file: string): boolean => readFileSync(join(here, file), 'utf8').includes("from '../setup/")
const found = Folders.flatMap((folder) =>
  readdirSync(join(here, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => join(folder, file))
    .filter((file) => !needsSetup(file))
    .sort()
)
for (const file of [...found, ...Files]) await import(pathToFileURL(join(here, file)).href)
