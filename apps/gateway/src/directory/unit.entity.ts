import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A unit of the org directory: a county government, a bureau, a township. */
@Entity('units')
export class UnitEntity {
  /** Human-readable slug, e.g. `unit-a`; other services refer to units by it. */
  @PrimaryColumn('text')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text', { name: 'parent_id', nullable: true })
  parentId!: string | null;
}
