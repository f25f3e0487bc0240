import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('AuditEntry', { description: 'One change made through the API.' })
export class AuditEntryType {
  @Field(() => ID)
  id: number;

  @Field(() => String, { description: 'When, as an ISO 8601 timestamp in UTC.' })
  at: string;

  @Field(() => ID, { description: 'The employee id of whoever made the change.' })
  actorEmployeeId: number;

  @Field(() => String)
  actorRole: string;

  @Field(() => String, { description: 'CREATE, UPDATE, DELETE or REVOKE.' })
  action: string;

  @Field(() => String, { description: 'The table: employee, held_certification, ...' })
  entity: string;

  @Field(() => ID)
  entityId: number;

  @Field(() => String, { nullable: true, description: 'The row before, as JSON text.' })
  before: string | null;

  @Field(() => String, { nullable: true, description: 'The row after, as JSON text.' })
  after: string | null;
}

@ObjectType('AuditLogPage')
export class AuditLogPageType {
  @Field(() => [AuditEntryType])
  entries: AuditEntryType[];

  @Field(() => Boolean)
  hasNextPage: boolean;
}
