/** Stylesheets imported by browser code arrive as text (see src/services/web-build.ts). */
declare module '*.css' {
  const text: string
  export default text
}
