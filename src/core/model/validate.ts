import type { z } from 'zod';

/** A validation failure a person can act on: which file, which field, why. */
export interface FieldError {
  readonly path: string; // e.g. 'pages[0].frames[3].span'
  readonly message: string;
}

export class ValidationError extends Error {
  constructor(
    readonly file: string,
    readonly errors: readonly FieldError[],
  ) {
    super(`${file}: ${errors.map((e) => `${e.path || '(根)'}: ${e.message}`).join('; ')}`);
    this.name = 'ValidationError';
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
}

/** Parse or throw a ValidationError naming the file, each field and the reason. */
export function parseOrThrow<T>(schema: z.ZodType<T>, data: unknown, file: string): T {
  const r = schema.safeParse(data);
  if (!r.success) throw new ValidationError(file, fieldErrors(r.error));
  return r.data;
}
