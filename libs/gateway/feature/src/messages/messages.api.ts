import { applyDecorators, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequireAuth } from '../shared';

/** `/v1/messages`: any key, main or sub-account, live or test. */
export function MessagesController(): ClassDecorator {
  return applyDecorators(Controller('v1/messages'), ApiTags('Messages'), RequireAuth('api-key'));
}
