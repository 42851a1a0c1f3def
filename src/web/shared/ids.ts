/** A fresh client id for a frame (`A-Z a-z 0-9 _ . : -`, as the protocol allows), unique per conversation. */
export function newClientId (prefix: string): string {
  const bytes = new Uint8Array(12)
  crypto.getRandomValues(bytes)
  let random = ''
  for (const b of bytes) random += b.toString(36).padStart(2, '0')
  return `${prefix}-${Date.now().toString(36)}-${random}`
}
