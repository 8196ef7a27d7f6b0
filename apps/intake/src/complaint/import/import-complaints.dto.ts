import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsNotEmpty, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { FileComplaintInput } from '../dto/file-complaint.input';

/** Rows per `importComplaints` call. */
export const MAX_IMPORT_ROWS = 1_000;

@InputType({ description: 'One record of the source (a paper form, a spreadsheet row, an old system’s case).' })
export class ImportRowInput {
  @Field({ description: 'The record’s id in its source: importing it again never files it twice.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  recordId: string;

  @Field(() => FileComplaintInput, {
    description: 'The complaint as it would be filed (its idempotencyKey is set from source and recordId).',
  })
  @ValidateNested()
  @Type(() => FileComplaintInput)
  complaint: FileComplaintInput;
}

@InputType()
export class ImportComplaintsInput {
  @Field({ description: 'Names the source, e.g. "paper-2026" or "old-crm": record ids are unique within it.' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$/, { message: 'source must be 1–50 letters, digits, dots, dashes or underscores' })
  source: string;

  @Field(() => [ImportRowInput])
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_IMPORT_ROWS)
  @ValidateNested({ each: true })
  @Type(() => ImportRowInput)
  rows: ImportRowInput[];
}

@ObjectType('ImportedRow')
export class ImportedRowObject {
  @Field() recordId: string;
  @Field(() => ID) complaintId: string;
  @Field({ description: 'true when the record had been imported before (nothing was filed again).' }) duplicate: boolean;
}

@ObjectType('ImportRejection', { description: 'A record the intake rules refused: nothing of it is stored.' })
export class ImportRejectionObject {
  @Field() recordId: string;
  @Field() code: string;
  @Field(() => String, { nullable: true }) field: string | null;
  @Field() reason: string;
}

@ObjectType('ImportResult')
export class ImportResultObject {
  @Field(() => Int) filed: number;
  @Field(() => Int) duplicates: number;
  @Field(() => [ImportedRowObject]) imported: ImportedRowObject[];
  @Field(() => [ImportRejectionObject]) rejected: ImportRejectionObject[];
}
