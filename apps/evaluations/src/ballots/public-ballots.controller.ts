import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Public } from '@rectify/auth';
import { PublicRateLimitGuard } from '../public/public-rate-limit.guard';
import { CastBallotCommand } from './commands/cast-ballot/cast-ballot.command';
import { CastBallotDto } from './commands/cast-ballot/cast-ballot.dto';

@Controller('api/public/ballots')
@Public()
@UseGuards(PublicRateLimitGuard)
export class PublicBallotsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  async cast(@Body() dto: CastBallotDto) {
    await this.commands.execute(new CastBallotCommand(dto, new Date()));
    return { status: 'accepted' };
  }
}
