import { BaseRpcContext } from '@nestjs/microservices';

/** The second argument of a bus handler (`@Ctx()`): the topic and group it consumes. */
export class BusContext extends BaseRpcContext<[topic: string, group: string]> {
  getTopic(): string {
    return this.args[0];
  }

  getGroup(): string {
    return this.args[1];
  }
}
