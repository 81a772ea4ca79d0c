import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { InProcessBus, type MessageBus } from '@subledger/messaging';

export const MESSAGE_BUS = Symbol('MESSAGE_BUS');

/** The in-process transport of embedded mode, shared by every module of the process. */
@Global()
@Module({})
export class MessageBusModule implements OnApplicationShutdown {
  constructor(@Inject(MESSAGE_BUS) private readonly bus: MessageBus & { close(): void }) {}

  static inProcess(): DynamicModule {
    return {
      module: MessageBusModule,
      providers: [{ provide: MESSAGE_BUS, useFactory: () => new InProcessBus() }],
      exports: [MESSAGE_BUS],
    };
  }

  onApplicationShutdown(): void {
    this.bus.close();
  }
}
