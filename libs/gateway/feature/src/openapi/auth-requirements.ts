import type { INestApplication } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { AUTH_REQUIREMENT, type AuthRequirement } from '../shared/auth-requirement.decorator';

/** `Controller_method`: the operation id of a route in the gateway's OpenAPI document. */
export const operationIdOf = (controller: string, method: string) => `${controller}_${method}`;

/** The auth requirement of every controller route of the app, by operation id. */
export function authRequirementsByOperationId(app: INestApplication): Map<string, AuthRequirement> {
  const reflector = new Reflector();
  const scanner = new MetadataScanner();
  const requirements = new Map<string, AuthRequirement>();
  for (const wrapper of app.get(DiscoveryService).getControllers()) {
    const controller = wrapper.metatype;
    if (typeof controller !== 'function') continue;
    const prototype = controller.prototype as Record<string, unknown>;
    for (const method of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[method];
      if (typeof handler !== 'function') continue;
      const requirement = reflector.getAllAndOverride<AuthRequirement | undefined>(AUTH_REQUIREMENT, [
        handler,
        controller,
      ]);
      if (requirement) requirements.set(operationIdOf(controller.name, method), requirement);
    }
  }
  return requirements;
}
