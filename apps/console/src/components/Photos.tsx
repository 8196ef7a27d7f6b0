import { FileOutlined, CameraOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Image, Space, Typography, Upload } from 'antd';
import type { UploadFile, UploadProps } from 'antd';
import { useEffect, useState } from 'react';
import { useClient } from 'urql';
import { ATTACHMENT_URL } from '../api/ops';
import { useConsole } from '../context';
import { useI18n } from '../i18n/i18n';

/** What `POST /attachments` answers. */
export interface Uploaded {
  key: string;
  contentType: string;
  size: number;
  thumbnailKey: string | null;
}

const ACCEPT = 'image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif,application/pdf';

/** One file to the gateway's `POST /attachments?siteId=` with the session's token; the server's own reason on refusal. */
export async function uploadFile(token: string, siteId: string, file: Blob, name: string): Promise<Uploaded> {
  const form = new FormData();
  form.append('file', file, name);
  const res = await fetch(`/attachments?siteId=${encodeURIComponent(siteId)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const body = (await res.json().catch(() => null)) as (Uploaded & { errors?: { message: string }[] }) | null;
  if (!res.ok || !body?.key) throw new Error(body?.errors?.[0]?.message ?? `HTTP ${res.status}`);
  return body;
}

/**
 * Photos and scans for a case being filed (issue 29): drag and drop or click to choose, and on a
 * phone the camera; each file goes to the store at once and its key is handed up; a refused file
 * shows the server's reason (type from the bytes, size limit).
 */
export function PhotoUpload({ siteId, onChange }: { siteId: string | undefined; onChange: (keys: string[]) => void }) {
  const { t } = useI18n();
  const { session } = useConsole();
  const [files, setFiles] = useState<UploadFile<Uploaded>[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => onChange(files.flatMap((f) => (f.status === 'done' && f.response ? [f.response.key] : []))), [files, onChange]);

  const props: UploadProps<Uploaded> = {
    accept: ACCEPT,
    multiple: true,
    listType: 'picture',
    fileList: files,
    disabled: !siteId,
    onChange: ({ fileList }) => setFiles([...fileList]),
    customRequest: ({ file, onSuccess, onError }) => {
      const blob = file as File;
      setError(null);
      uploadFile(session.token, siteId!, blob, blob.name).then(
        (r) => onSuccess?.(r),
        (e: Error) => {
          setError(`${blob.name}: ${e.message}`);
          onError?.(e);
        },
      );
    },
  };
  return (
    <div data-testid="photo-upload">
      <Upload.Dragger {...props}>
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('dropPhotos')}</p>
        <p className="ant-upload-hint">{t('photoTypes')}</p>
      </Upload.Dragger>
      {/* a phone opens its camera for this one */}
      <Upload {...props} accept="image/*" capture="environment" showUploadList={false}>
        <Button icon={<CameraOutlined />} style={{ marginTop: 8 }} disabled={!siteId} block>
          {t('takePhoto')}
        </Button>
      </Upload>
      {error && (
        <Alert type="error" showIcon style={{ marginTop: 8 }} message={t('uploadFailed')} description={error} data-testid="upload-error" />
      )}
    </div>
  );
}

/** The thumbnail key the store gives an image (none for a PDF or a HEIC photo). */
const thumbnailOf = (key: string) => (/\.(jpg|png|webp)$/.test(key) ? key.replace(/\.[a-z]+$/, '.thumb.webp') : null);

/** A case's photos as thumbnails (a signed link each), PDFs and HEIC photos as links that open the file. */
export function Photos({ keys }: { keys: string[] | undefined }) {
  const { t } = useI18n();
  const client = useClient();
  const [links, setLinks] = useState<Record<string, string>>({});
  useEffect(() => {
    let live = true;
    const wanted = (keys ?? []).map((k) => thumbnailOf(k) ?? k);
    void Promise.all(
      wanted.map(async (k) => {
        const r = await client.query(ATTACHMENT_URL, { key: k }, { requestPolicy: 'network-only' }).toPromise();
        return [k, (r.data as { attachmentUrl?: string } | undefined)?.attachmentUrl] as const;
      }),
    ).then((pairs) => live && setLinks(Object.fromEntries(pairs.flatMap(([k, u]) => (u ? [[k, u]] : [])))));
    return () => {
      live = false;
    };
  }, [keys, client]);
  if (!keys?.length) return null;
  const open = async (key: string) => {
    const r = await client.query(ATTACHMENT_URL, { key }, { requestPolicy: 'network-only' }).toPromise();
    const url = (r.data as { attachmentUrl?: string } | undefined)?.attachmentUrl;
    if (url) window.open(url, '_blank', 'noopener');
  };
  return (
    <Space wrap data-testid="photos">
      {keys.map((k) => {
        const thumb = thumbnailOf(k);
        return thumb ? (
          <Image
            key={k}
            width={96}
            height={96}
            style={{ objectFit: 'cover', cursor: 'pointer' }}
            src={links[thumb]}
            preview={false}
            onClick={() => void open(k)}
            alt={t('photos')}
          />
        ) : (
          <Button key={k} icon={<FileOutlined />} onClick={() => void open(k)}>
            <Typography.Text ellipsis style={{ maxWidth: 120 }}>
              {t('openFile')} {k.slice(k.lastIndexOf('.') + 1).toUpperCase()}
            </Typography.Text>
          </Button>
        );
      })}
    </Space>
  );
}
