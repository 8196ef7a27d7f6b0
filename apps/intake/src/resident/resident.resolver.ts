import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser, Public, Roles } from '@pc/platform';
import { CONTACT_ROLES } from '../contact-log/contact-log.resolver';
import { ResidentCaseObject, ResidentFeedbackInput } from './resident.dto';
import { ResidentCases } from './resident.service';

/** The resident page (issue 30): staff give a case's link; the customer reads and answers through it without a login. */
@Resolver(() => ResidentCaseObject)
export class ResidentResolver {
  constructor(private readonly cases: ResidentCases) {}

  @Query(() => String, {
    description: "The case's link for its customer (`<PUBLIC_URL>/r/<token>`), the same until revoked; staff who may see the case.",
  })
  @Roles(...CONTACT_ROLES)
  residentLink(@CurrentUser() user: AuthUser, @Args('complaintId', { type: () => ID }) complaintId: string): Promise<string> {
    return this.cases.link(user, complaintId);
  }

  @Mutation(() => Int, {
    description: "Revokes the case's links (a lost phone, a wrong number); answers how many. The next residentLink is a new one.",
  })
  @Roles(...CONTACT_ROLES)
  revokeResidentLinks(@CurrentUser() user: AuthUser, @Args('complaintId', { type: () => ID }) complaintId: string): Promise<number> {
    return this.cases.revoke(user, complaintId);
  }

  @Query(() => ResidentCaseObject, {
    description: 'The case of a resident link (no login): status, timeline, deadlines. A forged, revoked or expired link: one NOT_FOUND.',
  })
  @Public()
  residentCase(@Args('token') token: string): Promise<ResidentCaseObject> {
    return this.cases.caseView(token);
  }

  @Mutation(() => ResidentCaseObject, {
    description: "The customer's own confirmation and four-level rating from the link (no login), once per resolution.",
  })
  @Public()
  residentFeedback(@Args('token') token: string, @Args('input') input: ResidentFeedbackInput): Promise<ResidentCaseObject> {
    return this.cases.feedback(token, input);
  }
}
