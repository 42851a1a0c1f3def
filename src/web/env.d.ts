/** Stylesheets imported by browser code arrive as text (see src/server/web-build.ts). */
declare module '*.css' {
  const text: string
  export default text
}
