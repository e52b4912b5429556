import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Directory } from '@rectify/directory';
import { CampaignRepository } from '../../campaign-repository';
import { OpenCampaignCommand } from './open-campaign.command';

@CommandHandler(OpenCampaignCommand)
export class OpenCampaignHandler implements ICommandHandler<OpenCampaignCommand, { id: string; version: number }> {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly directory: Directory,
  ) {}

  async execute({ input, now, context }: OpenCampaignCommand): Promise<{ id: string; version: number }> {
    const campaignId = randomUUID();
    // Rules the inspector leaves out come from the admin's defaults (DESIGN §3.4 until set).
    const defaults = await this.directory.thresholdDefaults();
    const { version } = await this.campaigns.execute(
      campaignId,
      [{
        type: 'OpenCampaign',
        data: {
          campaignId,
          title: input.title,
          targets: input.targets.map((t) => ({ kind: t.kind, id: t.id, unitId: t.kind === 'unit' ? (t.unitId ?? t.id) : (t.unitId as string) })),
          groups: input.groups.map((g) => ({ name: g.name, weight: g.weight })),
          // Normalised so the stored window compares as instants, whatever offset the client sent.
          opensAt: new Date(input.opensAt).toISOString(),
          closesAt: new Date(input.closesAt).toISOString(),
          rules: {
            unsatisfiedAbove: input.rules?.unsatisfiedAbove ?? defaults.unsatisfiedAbove,
            satisfiedBelow: input.rules?.satisfiedBelow ?? defaults.satisfiedBelow,
            minBallots: input.rules?.minBallots ?? defaults.minBallots,
          },
          ...(input.followUpOfCaseId ? { followUpOfCaseId: input.followUpOfCaseId } : {}),
        },
        metadata: { now: now.toISOString() },
      }],
      { ...context, expectedVersion: 0 },
    );
    return { id: campaignId, version };
  }
}
