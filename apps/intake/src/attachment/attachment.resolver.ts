import { Args, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser } from '@pc/platform';
import { AttachmentRegister } from './attachment-register';

@Resolver()
export class AttachmentResolver {
  constructor(private readonly register: AttachmentRegister) {}

  @Query(() => String, {
    description:
      'A short-lived signed URL (ATTACHMENT_URL_TTL_S) of a file or its thumbnail, for a caller who may see its case; NOT_FOUND otherwise.',
  })
  attachmentUrl(@CurrentUser() user: AuthUser, @Args('key') key: string): Promise<string> {
    return this.register.urlFor(user, key);
  }
}
