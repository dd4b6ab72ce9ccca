import { PATH_METADATA } from '@nestjs/common/constants';
import { Controller, Get, Module } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { PUBLIC_KEY, ROLES_KEY } from '../src/auth/decorators';
import { TestApp, createTestApp } from './support/test-app';

/** A route that forgot to declare its roles: the guard must refuse it to everyone. */
@Controller('undeclared')
class UndeclaredController {
  @Get()
  secret(): string {
    return 'leaked';
  }
}

@Module({ controllers: [UndeclaredController] })
class UndeclaredModule {}

describe('roles and deny by default', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ imports: [UndeclaredModule] });
  });
  afterAll(() => t.close());

  it('refuses a technician on an admin endpoint with 403', async () => {
    const token = await t.tokenFor(['technician']);
    const response = await t
      .http()
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${token}`)
      .send({ username: 'x-user', displayName: 'X', password: 'long-enough', roles: ['agent'] })
      .expect(403);
    expect(response.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    await t.http().get('/api/v1/audit-log').set('Authorization', `Bearer ${token}`).expect(403);
  });

  it('refuses a request without a token with 401', async () => {
    await t.http().post('/api/v1/users').send({}).expect(401);
    await t.http().get('/api/v1/audit-log').expect(401);
  });

  it('lets a user holding any of the declared roles through', async () => {
    const token = await t.tokenFor(['technician', 'auditor']);
    await t.http().get('/api/v1/audit-log').set('Authorization', `Bearer ${token}`).expect(200);
  });

  it('refuses an endpoint that declares no roles, even to an admin', async () => {
    const token = await t.tokenFor(['admin']);
    const response = await t
      .http()
      .get('/api/v1/undeclared')
      .set('Authorization', `Bearer ${token}`)
      .expect(403);
    expect(response.text).not.toContain('leaked');
  });

  it('has every real route either public or with a declared role set', () => {
    const discovery = t.app.get(DiscoveryService);
    const scanner = t.app.get(MetadataScanner);
    const reflector = t.app.get(Reflector);
    const undeclared: string[] = [];
    for (const wrapper of discovery.getControllers()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || wrapper.metatype === UndeclaredController) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = (prototype as Record<string, unknown>)[name] as () => unknown;
        // Only route handlers count; a controller's private helpers are not reachable.
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const targets = [handler, wrapper.metatype as () => unknown];
        const isPublic = reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets);
        const roles = reflector.getAllAndOverride<string[]>(ROLES_KEY, targets);
        if (!isPublic && !roles?.length) undeclared.push(`${wrapper.name}.${name}`);
      }
    }
    expect(undeclared).toEqual([]);
  });

  it('answers unknown routes with the one error shape', async () => {
    const response = await t.http().get('/api/v1/no-such-thing').expect(404);
    expect(response.body).toMatchObject({ statusCode: 404, code: 'ROUTE_NOT_FOUND' });
  });

  it('serves OpenAPI at /docs and health without a token', async () => {
    await t.http().get('/docs').expect(200);
    const spec = await t.http().get('/docs-json').expect(200);
    expect(Object.keys(spec.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/users/me']),
    );
    const health = await t.http().get('/health').expect(200);
    expect(health.body).toMatchObject({ status: 'ok', checks: { database: 'up', redis: 'up', queue: 'up' } });
  });
});
