let audio: AudioContext | undefined
let soundReady: () => void = () => {}

// Armed from the moment the console loads, so the click on "Log in" already counts.
const arm = (): void => {
  if (audio !== undefined) return
  const Context =
    window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext
  if (Context === undefined) return
  audio = new Context()
  void audio.resume().then(
    () => soundReady(),
    () => {}
  )
}
document.addEventListener('pointerdown', arm, { once: true, capture: true })
document.addEventListener('keydown', arm, { once: true, capture: true })

/**
 * How the console gets an operator's attention: a chime (browsers allow sound only after the
 * first click or key press on the page), the unread count in the tab title, and desktop
 * notifications when the operator allowed them and is looking elsewhere.
 */
export function createNotifier (baseTitle: string, onSoundReady: () => void = () => {}) {
  let unread = 0
  soundReady = onSoundReady

  return {
    /** Two short soft tones; silent until the page has been clicked once. */
    chime (): void {
      if (audio === undefined || audio.state !== 'running') return
      const start = audio.currentTime
      for (const [offset, frequency] of [
        [0, 660],
        [0.16, 880],
      ] as const) {
        const osc = audio.createOscillator()
        const gain = audio.createGain()
        osc.type = 'sine'
        osc.frequency.value = frequency
        gain.gain.setValueAtTime(0.0001, start + offset)
        gain.gain.exponentialRampToValueAtTime(0.18, start + offset + 0.02)
        gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.28)
        osc.connect(gain).connect(audio.destination)
        osc.start(start + offset)
        osc.stop(start + offset + 0.3)
      }
    },
    soundReady: (): boolean => audio?.state === 'running',
    /** Shows `(n) title` in the tab. */
    setUnread (count: number): void {
      unread = count
      const title = count > 0 ? `(${count}) ${baseTitle}` : baseTitle
      if (document.title !== title) document.title = title
    },
    unread: (): number => unread,
    desktopState: (): NotificationPermission | 'unsupported' =>
      typeof Notification === 'undefined' ? 'unsupported' : Notification.permission,
    /** Asks for permission; must run in a click handler. */
    async requestDesktop (): Promise<NotificationPermission | 'unsupported'> {
      if (typeof Notification === 'undefined') return 'unsupported'
      return await Notification.requestPermission()
    },
    /** A desktop notification, only when allowed and the console is not what the operator is looking at. */
    desktop (title: string, body: string, tag: string, onClick: () => void): void {
      if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return
      if (!document.hidden && document.hasFocus()) return
      const n = new Notification(title, { body: body.slice(0, 180), tag })
      n.onclick = () => {
        window.focus()
        onClick()
        n.close()
      }
    },
  }
}

export type Notifier = ReturnType<typeof createNotifier>
