import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ImportAction, ImportKind, ImportMode } from '../../services/csv-import/report';

registerEnumType(ImportKind, {
  name: 'ImportKind',
  description: 'What one CSV file holds: TEAMS, EMPLOYEES or HELD_CERTIFICATIONS.',
});
registerEnumType(ImportMode, {
  name: 'ImportMode',
  description:
    'ALL_OR_NOTHING writes nothing when any row has an error; APPLY_VALID writes every row ' +
    'without one. Either way in one transaction.',
});
registerEnumType(ImportAction, { name: 'ImportAction' });

@ObjectType('ImportRowResult')
export class ImportRowResultType {
  @Field(() => Int, { description: 'The line the record starts on; the header is line 1.' })
  line: number;

  @Field(() => ImportAction)
  action: ImportAction;

  @Field(() => String, {
    nullable: true,
    description: 'Why the row failed, which fields it changes, or which line it repeats.',
  })
  reason: string | null;
}

@ObjectType('ImportReport')
export class ImportReportType {
  @Field(() => ImportKind)
  kind: ImportKind;

  @Field(() => ImportMode)
  mode: ImportMode;

  @Field(() => Boolean)
  dryRun: boolean;

  @Field(() => Boolean, {
    description: 'Whether anything was written: false for a dry run or a refused ALL_OR_NOTHING.',
  })
  applied: boolean;

  @Field(() => Int)
  rowCount: number;

  @Field(() => Int)
  created: number;

  @Field(() => Int)
  updated: number;

  @Field(() => Int)
  unchanged: number;

  @Field(() => Int)
  failed: number;

  @Field(() => [String], { description: 'Header names that match no column; not read.' })
  ignoredColumns: string[];

  @Field(() => [ImportRowResultType], { description: 'One result per data row, by line.' })
  rows: ImportRowResultType[];
}
