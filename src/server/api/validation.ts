import type { Context } from 'hono';
import type { ZodError } from 'zod';
import type { ErrorBody } from './api-error.js';

/** A failed zod validation as a 400 naming the first bad parameter (and every problem in the message). */
export function badParameterBody(error: ZodError): ErrorBody {
  const issues = error.issues.map((issue) => ({
    parameter: issue.path.length > 0 ? issue.path.map(String).join('.') : 'request',
    message: issue.message,
  }));
  const first = issues[0] ?? { parameter: 'request', message: 'invalid request' };
  return {
    error: {
      code: 'BAD_PARAMETER',
      message: issues.map((i) => `${i.parameter}: ${i.message}`).join('; '),
      parameter: first.parameter,
    },
  };
}

/** The OpenAPIHono `defaultHook`: every route validates the same way. */
export function validationHook(result: { success: boolean; error?: ZodError }, c: Context): Response | undefined {
  if (!result.success && result.error) return c.json(badParameterBody(result.error), 400);
  return undefined;
}
