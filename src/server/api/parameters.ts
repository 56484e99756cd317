/** Query parameters shared by the API routes and the pages' forms: one zod schema per kind of value. */
import { z } from '@hono/zod-openapi';
import { isIsoDate, NUMBER_LIMITS } from '../../app/request-checks.js';
import { CompetitionRegistry } from '../../competitions/registry.js';
import { MODEL_FAMILIES, type ModelFamily } from '../../forecast/match-model.js';

export const isoDate = z
  .string()
  .refine(isIsoDate, { message: 'must be a date YYYY-MM-DD' })
  .openapi({ example: '2024-04-18', format: 'date' });

export const season = z
  .string()
  .regex(/^\d{4}-\d{2}$/, { message: 'must be a season like 2023-24' })
  .refine((text) => (Number(text.slice(0, 4)) + 1) % 100 === Number(text.slice(5)), {
    message: 'must be a season like 2023-24 (the second year follows the first)',
  })
  .openapi({ example: '2023-24' });

export const teamName = z
  .string()
  .trim()
  .min(1, { message: 'must name a team' })
  .max(100, { message: 'must be at most 100 characters' });

/** `true` / `false` / `1` / `0`, as a form's checkbox or a URL writes them. */
export const flag = z
  .enum(['true', 'false', '1', '0', 'on'])
  .transform((text) => text === 'true' || text === '1' || text === 'on')
  .openapi({ type: 'boolean', example: 'true' });

/** A competition code or name (`uefa.el`, `europa-league`) → its code. */
export const competitionCode = z
  .string()
  .transform((text, ctx) => {
    const found = CompetitionRegistry.builtIn().find(text.trim());
    if (!found) {
      ctx.addIssue({ code: 'custom', message: `unknown competition ${text}` });
      return z.NEVER;
    }
    return found.code;
  })
  .openapi({ type: 'string', example: 'uefa.el' });

/** Comma-separated competition codes or names → codes. */
export const competitionList = z
  .string()
  .transform((text, ctx) => {
    const codes: string[] = [];
    for (const part of text.split(',')) {
      const found = CompetitionRegistry.builtIn().find(part.trim());
      if (!found) {
        ctx.addIssue({ code: 'custom', message: `unknown competition ${part.trim()}` });
        return z.NEVER;
      }
      codes.push(found.code);
    }
    return codes;
  })
  .openapi({ type: 'string', example: 'eng.1,it.1,uefa.el' });

/** `0-3` → [0, 3]. */
export const score = z
  .string()
  .regex(/^\d{1,2}-\d{1,2}$/, { message: 'must be a score like 0-3' })
  .transform((text) => text.split('-').map(Number) as [number, number])
  .openapi({ type: 'string', example: '0-3' });

export const modelFamily = z
  .enum(['ensemble', ...MODEL_FAMILIES] as ['ensemble', ...ModelFamily[]])
  .openapi({ example: 'ensemble' });

/** A what-if shift of a team's log attack and defence: −0.1 ≈ a tenth fewer goals scored, a tenth more conceded. */
export const strengthShift = z.coerce
  .number()
  .min(-1, { message: 'must be between -1 and 1' })
  .max(1, { message: 'must be between -1 and 1' })
  .openapi({ type: 'number', example: -0.1 });

/** A model fit's number (`xi`, `prior`) within the bounds the CLI and the library enforce. */
export const modelNumber = (field: keyof typeof NUMBER_LIMITS) => {
  const { min, max } = NUMBER_LIMITS[field];
  const message = `must be a number from ${min} to ${max}`;
  return z.coerce.number({ message }).min(min, { message }).max(max, { message });
};

export const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number()
    .int({ message: 'must be a whole number' })
    .min(min, { message: `must be at least ${min}` })
    .max(max, { message: `must be at most ${max}` });

/** Path ids: positive whole numbers. */
export const idParameter = z.coerce.number().int().positive({ message: 'must be a positive whole number' });
