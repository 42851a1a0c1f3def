/**
 * How many people stand behind a proposal: its sources grouped into one person when they share
 * a conversation, a visitor key (the widget's random id, hashed) or an address key (the source
 * address, hashed). One visitor who starts 25 conversations, or rotates visitor ids from one
 * address, counts once; so do visitors behind one office's NAT, which errs on the side of less.
 */
export interface Who {
  conversationId: string
  visitorKey?: string | null
  addressKey?: string | null
}

export function distinctVisitors (list: readonly Who[]): number {
  const parent = new Map<string, string>()
  const find = (x: string): string => {
    let root = x
    while (parent.get(root) !== root) root = parent.get(root) as string
    parent.set(x, root)
    return root
  }
  for (const w of list) {
    const keys = [`c:${w.conversationId}`]
    if (w.visitorKey != null) keys.push(`v:${w.visitorKey}`)
    if (w.addressKey != null) keys.push(`a:${w.addressKey}`)
    for (const k of keys) if (!parent.has(k)) parent.set(k, k)
    const root = find(keys[0] as string)
    for (const k of keys.slice(1)) {
      const other = find(k)
      if (other !== root) parent.set(other, root)
    }
  }
  return new Set([...parent.keys()].map(find)).size
}
