import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiError } from '../shared/api-error';
import { OpsPageAssets } from './ops-page-assets';
import { OPS_PAGE_HEADERS } from './ops-page-headers';

/**
 * `/ops`: the operators' dashboard (docs/operations.md). The page and its files are public; every
 * figure it shows comes from the operator API, called with the token the operator types in.
 */
@ApiExcludeController()
@Controller('ops')
export class OpsPageController {
  constructor(private readonly assets: OpsPageAssets) {}

  @Get()
  page(@Res({ passthrough: true }) reply: FastifyReply): Buffer {
    return this.serve('index.html', reply);
  }

  @Get(':file')
  file(@Param('file') name: string, @Res({ passthrough: true }) reply: FastifyReply): Buffer {
    return this.serve(name, reply);
  }

  private serve(name: string, reply: FastifyReply): Buffer {
    if (!this.assets.built) {
      throw new ApiError(
        404,
        'ops_dashboard_not_built',
        `The ops dashboard is not built in ${this.assets.directory}: run \`npm run build\`.`,
      );
    }
    const asset = this.assets.get(name);
    if (asset === undefined) throw new ApiError(404, 'not_found', 'No such file of the ops dashboard.');
    void reply.headers({ ...OPS_PAGE_HEADERS, 'content-type': asset.contentType });
    return asset.body;
  }
}
