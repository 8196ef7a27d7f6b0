import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@pc/contracts';
import { AuthUser, CurrentUser, Roles } from '@pc/platform';
import { AddToCaseLibraryInput, CaseEntryConnection, CaseEntryObject, CaseLibraryArgs } from './case-library.dto';
import { CaseLibrary } from './case-library.service';

@Resolver()
export class CaseLibraryResolver {
  constructor(private readonly library: CaseLibrary) {}

  @Query(() => CaseEntryConnection, { description: "Typical cases of the caller's sites, newest first." })
  @Roles(
    Role.QUALITY,
    Role.LEADERSHIP,
    Role.ANALYST,
    Role.SITE_HEAD,
    Role.AREA_MANAGER,
    Role.DEPARTMENT_HEAD,
    Role.DEPARTMENT_STAFF,
    Role.COMPLAINT_REP,
    Role.FRONT_DESK,
  )
  caseLibrary(@CurrentUser() user: AuthUser, @Args() args: CaseLibraryArgs): Promise<CaseEntryConnection> {
    return this.library.search(user, args);
  }

  @Mutation(() => CaseEntryObject, { description: 'The quality department adds a resolved complaint as a typical case.' })
  @Roles(Role.QUALITY)
  addToCaseLibrary(@CurrentUser() user: AuthUser, @Args('input') input: AddToCaseLibraryInput): Promise<CaseEntryObject> {
    return this.library.add(user, input);
  }
}
