import type { AuthenticatedUser } from '../auth/authenticated-user';

declare module 'express-serve-static-core' {
  interface Request {
    user?: AuthenticatedUser;
  }
}
