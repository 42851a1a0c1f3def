/** Where a command writes; tests pass their own to read what a user would see. */
export interface Io {
  out(line: string): void
  err(line: string): void
}

export const processIo: Io = {
  out: (line) => {
    process.stdout.write(line + '\n')
  },
  err: (line) => {
    process.stderr.write(line + '\n')
  },
}

/** Exit codes: 0 ok, 1 the check found problems, 2 the command was used wrongly or could not run. */
export const Exit = { ok: 0, failed: 1, usage: 2 } as const
