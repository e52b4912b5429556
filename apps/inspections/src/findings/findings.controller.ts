import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Headers, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { type AuthUser, CurrentUser, Roles, toActor } from '@rectify/auth';
import { type FindingRecordedV1, InspectionsEventTypes } from '@rectify/contracts';
import { PgEventStore } from '@rectify/event-store';
import type { PoolClient } from 'pg';
import { REQUEST_ID_HEADER } from '@rectify/http';
import { IdempotentCommands } from '../shared/idempotency';
import { findingStreamId } from './finding-stream';
import { RecordFindingDto } from './record-finding.dto';

@Controller('api/inspections/findings')
export class FindingsController {
  constructor(
    private readonly store: PgEventStore,
    private readonly idempotent: IdempotentCommands,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('inspector', 'admin')
  async record(
    @Body() dto: RecordFindingDto,
    @CurrentUser() user: AuthUser,
    @Headers(REQUEST_ID_HEADER) requestId?: string,
    @Headers('idempotency-key') key?: string,
  ) {
    const findingId = randomUUID();
    const data: FindingRecordedV1 = { findingId, source: 'inspection_finding', ...dto };
    const record = (db?: PoolClient) =>
      this.store.append(findingStreamId(findingId), [{
        eventId: randomUUID(),
        type: InspectionsEventTypes.FindingRecorded,
        schemaVersion: 1,
        data,
        metadata: { correlationId: requestId ?? randomUUID(), causationId: null, actor: toActor(user) },
        occurredAt: new Date(),
      }], 0, db);
    const response = { status: 201, body: { id: findingId, category: dto.category } };
    // Without a key nothing else is written: the append alone, which concurrent requests share
    // (group commit). With one, the key is claimed in the append's transaction.
    if (!key) {
      await record();
      return response.body;
    }
    const { body } = await this.idempotent.run('POST /findings', key, user.id, async (tx) => {
      await record(tx);
      return response;
    });
    return body;
  }

  @Get(':id')
  @Roles('inspector', 'admin', 'analyst')
  async get(@Param('id', ParseUUIDPipe) id: string) {
    const [recorded] = await this.store.readStream(findingStreamId(id), { toVersion: 1 });
    if (!recorded) throw new NotFoundException(`finding ${id} does not exist`);
    return { ...(recorded.data as FindingRecordedV1), id, recordedAt: recorded.occurredAt.toISOString() };
  }
}
