import type { Request } from 'express';

/** The id the logger gave this request (see LoggingModule), or null before it has one. */
export function requestIdOf(request: Request): string | null {
  const id: unknown = request.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}
