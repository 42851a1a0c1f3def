// The stopword package ships no type declarations; these are the lists Frontdesk uses.
declare module 'stopword' {
  export const eng: string[]
  export const spa: string[]
  export const ita: string[]
  export const rus: string[]
  export const deu: string[]
  export const fra: string[]
  export const por: string[]
  export const nld: string[]
}
