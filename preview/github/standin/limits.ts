// The length limits GitHub documents but its OpenAPI description cannot express, and the 422 it answers with.
import * as E from '../errors.ts';
import type { Answer } from './operation.ts';

export const BODY_LIMIT = 65536;
export const TITLE_LIMIT = 256;
export const LABEL_NAME_LIMIT = 50;
export const LABEL_DESCRIPTION_LIMIT = 100;

/** Character count as GitHub counts it (Unicode code points, not UTF-16 units). */
export function charLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

export function tooLong(resource: string, field: string, limit: number, docs: string): Answer {
  return {
    status: 422,
    body: E.validationFailed([{ resource, field, code: 'custom', message: `${field} is too long (maximum is ${limit} characters)` }], docs),
  };
}
