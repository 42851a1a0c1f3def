import { Type, type TSchema } from '@sinclair/typebox'

/** The body of every 4xx/5xx answer. */
export const ErrorSchema = Type.Object(
  {
    code: Type.String({ description: 'FD_ERR_... code from the error registry' }),
    message: Type.String(),
  },
  { $id: 'Error' }
)

/** Error responses shared by authenticated routes. */
export const AuthErrors = {
  401: ErrorSchema,
  403: ErrorSchema,
}

export const WithErrors = <T extends Record<number, TSchema>>(ok: T) => ({
  ...ok,
  400: ErrorSchema,
  ...AuthErrors,
  404: ErrorSchema,
  409: ErrorSchema,
  429: ErrorSchema,
  503: ErrorSchema,
})

export const OperatorSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  name: Type.String(),
  role: Type.Union([Type.Literal('operator'), Type.Literal('editor'), Type.Literal('admin')]),
  langs: Type.Array(Type.String()),
  capacity: Type.Integer(),
  online: Type.Optional(Type.Boolean()),
})

export const ClientId = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.:-]+$' })
export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) })
