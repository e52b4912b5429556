import { Injectable } from '@nestjs/common';
import { Directory } from '@rectify/directory';
import type { Queryable } from '@rectify/event-store';

export interface UnitFilter {
  unitIds?: string[];
  parentId?: string;
  level?: number;
}

/** The units inspections may plan for and draw from: this service's copy of the gateway's directory. */
@Injectable()
export class KnownUnits {
  constructor(private readonly directory: Directory) {}

  async ids(db?: Queryable): Promise<Set<string>> {
    return new Set((await this.directory.units(db)).map((u) => u.id));
  }

  /** Sorted ids of the units matching every given criterion (level 0 = top-level units). */
  async matching(filter: UnitFilter, db?: Queryable): Promise<string[]> {
    const units = await this.directory.unitsWithLevel(db);
    return units
      .filter((u) => (!filter.unitIds || filter.unitIds.includes(u.id)) && (filter.parentId === undefined || u.parentId === filter.parentId) && (filter.level === undefined || u.level === filter.level))
      .map((u) => u.id)
      .sort();
  }
}
