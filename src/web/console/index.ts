/**
 * console.js: the operators' console at /console. Plain TypeScript modules, no framework:
 * a login page, then the live console (see app.ts).
 */
import { createApi } from './api.js'
import { startConsole } from './app.js'
import { showLogin } from './login-view.js'

const root = document.getElementById('app') ?? document.body
let stop: (() => void) | undefined

const api = createApi(() => {
  // The session ended (expired, or logged out elsewhere): back to the login page.
  stop?.()
})

function login (notice?: string): void {
  stop = undefined
  showLogin(
    root,
    api,
    (session) => {
      stop = startConsole(root, api, session, () => login('You have been logged out.'))
    },
    notice
  )
}

api.me().then(
  (session) => {
    if (session === undefined) login()
    else stop = startConsole(root, api, session, () => login('You have been logged out.'))
  },
  () => {
    login('The server cannot be reached right now.')
  }
)
