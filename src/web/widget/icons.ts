/** Icon path data (24×24, stroked with currentColor in CSS). */
export const Icons = {
  chat: ['M4 5h16v11H8l-4 4z'],
  close: ['M6 6l12 12', 'M18 6L6 18'],
  minimize: ['M5 12h14'],
  send: ['M4 12l16-8-6 16-2-7z'],
  person: ['M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8z', 'M4 20c1.5-4 4.5-6 8-6s6.5 2 8 6'],
} as const
