import { loadEsm } from 'load-esm';
import sharp from 'sharp';
import { ACCEPTED_TYPES } from './attachment-keys';

/** The one function of `file-type` used here. */
interface FileTypeModule {
  fileTypeFromBuffer(bytes: Uint8Array): Promise<{ mime: string; ext: string } | undefined>;
}
let fileType: Promise<FileTypeModule> | undefined;

/**
 * `file-type` 21 (the last major for Node 20) is ESM-only: loaded with a real dynamic `import()`
 * (`load-esm`, as NestJS's own FileTypeValidator does), which the CommonJS build leaves alone.
 */
const fileTypeModule = (): Promise<FileTypeModule> => (fileType ??= loadEsm<FileTypeModule>('file-type'));

/** What the bytes are, by their content (magic numbers), never by the file's name; undefined = not recognised. */
export async function detectType(bytes: Buffer): Promise<string | undefined> {
  const fileType = await fileTypeModule();
  return (await fileType.fileTypeFromBuffer(bytes))?.mime;
}

export const isAccepted = (mime: string | undefined): mime is string => !!mime && mime in ACCEPTED_TYPES;

export const THUMBNAIL_PX = 320;

/**
 * A WebP of at most 320×320 for the console's lists, turned upright by its EXIF orientation; undefined
 * for a PDF, or an image sharp's prebuilt libvips cannot decode (HEIC: HEVC is not in it).
 * Throws for a JPEG, PNG or WebP whose bytes are broken: such a file is refused.
 */
export async function thumbnailOf(bytes: Buffer, mime: string): Promise<Buffer | undefined> {
  if (!mime.startsWith('image/')) return undefined;
  const make = () =>
    sharp(bytes, { limitInputPixels: 100_000_000 })
      .rotate()
      .resize(THUMBNAIL_PX, THUMBNAIL_PX, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 70 })
      .toBuffer();
  if (mime === 'image/heic' || mime === 'image/heif') return make().catch(() => undefined);
  return make();
}
