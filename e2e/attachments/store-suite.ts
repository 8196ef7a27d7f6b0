import sharp from 'sharp';
import { ArchivePurged } from '@pc/contracts';
import { DEMO_DATASET } from '@pc/intake';
import { System, eventually } from '@pc/system';
import { planAndAssign } from '../work-order-steps';
import { FILE, URL_OF, complaintAt, declareUpload, download, errorOf, executable, otherOrg, pdf, photo, site2Only, user } from './fixtures';

/** The whole round for one store: upload, attach, read by the right callers, refused to the others. */
export function storeSuite(name: string, start: () => Promise<System>, storedKeys: (s: System) => Promise<string[]>) {
  describe(`photos for real, ${name}`, () => {
    let system: System;
    const rows = async () => Number((await system.sql<{ n: string }>('intake', 'select count(*) as n from attachment'))[0].n);

    beforeAll(async () => {
      system = await start();
      await system.seedRegistry(DEMO_DATASET);
    }, 240_000);
    afterAll(async () => {
      await system?.close();
    });

    it('rule "a photo is uploaded, attached to the case and shown to those who may see the case": the file and its thumbnail', async () => {
      const desk = system.token(user('demo-front-desk'));
      const bytes = await photo();
      const up = await system.upload(desk, 'demo-site-1', bytes, 'IMG_0001.JPG');
      expect(up.status).toBe(201);
      expect(up.json).toMatchObject({ contentType: 'image/jpeg', size: bytes.length });
      expect(up.json.key).toMatch(/^demo-org\/demo-site-1\/[0-9a-f-]{36}\.jpg$/);
      expect(up.json.thumbnailKey).toMatch(/\.thumb\.webp$/);
      expect(await storedKeys(system)).toEqual(expect.arrayContaining([up.json.key, up.json.thumbnailKey]));

      const filed = await system.graphql<{ fileComplaint: { id: string; attachments: string[] } }>(desk, FILE, {
        i: complaintAt([up.json.key]),
      });
      expect(filed.errors).toBeUndefined();
      expect(filed.data!.fileComplaint.attachments).toEqual([up.json.key]);
      const [row] = await system.sql<{ complaint_id: string }>('intake', 'select complaint_id from attachment where key = $1', [
        up.json.key,
      ]);
      expect(row.complaint_id).toBe(filed.data!.fileComplaint.id);

      // those who see the case: the desk, the engineering staff handling it, the site head of its site
      for (const who of ['demo-front-desk', 'demo-department-staff', 'demo-site-head']) {
        const r = await system.graphql<{ attachmentUrl: string }>(system.token(user(who)), URL_OF, { k: up.json.key });
        expect(r.errors).toBeUndefined();
        const got = await download(system, r.data!.attachmentUrl);
        expect(got.status).toBe(200);
        expect(got.type).toBe('image/jpeg');
        expect(got.bytes.equals(bytes)).toBe(true);
      }
      const thumb = await system.graphql<{ attachmentUrl: string }>(desk, URL_OF, { k: up.json.thumbnailKey });
      const t = await download(system, thumb.data!.attachmentUrl);
      expect(t.status).toBe(200);
      const meta = await sharp(t.bytes).metadata();
      expect(meta.format).toBe('webp');
      expect(Math.max(meta.width, meta.height)).toBe(320);

      // those who do not: a caller of site 2 only, another organisation; answered as an unknown key
      for (const stranger of [site2Only(user('demo-front-desk')), otherOrg]) {
        for (const k of [up.json.key, up.json.thumbnailKey, up.json.key.replace(/[0-9a-f]{12}\.jpg$/, '000000000000.jpg')]) {
          const r = await system.graphql(system.token(stranger), URL_OF, { k });
          expect(errorOf(r)?.code).toBe('NOT_FOUND');
        }
      }
      const link = new URL(
        (await system.graphql<{ attachmentUrl: string }>(desk, URL_OF, { k: up.json.key })).data!.attachmentUrl,
        system.gatewayUrl,
      );
      if (link.pathname.startsWith('/attachments/file')) {
        // the local store's link: expiring in ATTACHMENT_URL_TTL_S, and a changed signature or key reads nothing
        expect(Number(link.searchParams.get('expires')) - Date.now() / 1000).toBeLessThanOrEqual(300);
        for (const [param, value] of [
          ['signature', 'A'.repeat(43)],
          ['key', up.json.thumbnailKey],
        ]) {
          const forged = new URL(link);
          forged.searchParams.set(param, value);
          expect((await download(system, forged.toString())).status).toBe(403);
        }
      } else {
        // S3: a presigned GET of ATTACHMENT_URL_TTL_S (the S3 server checks its signature; s3rver does not)
        expect(link.searchParams.get('X-Amz-Expires')).toBe('300');
        expect(link.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
      }
    });

    it('rule "mutations accept only keys this store issued to the caller\'s organisation": foreign, invented, reused and URL references are refused', async () => {
      const desk = system.token(user('demo-front-desk'));
      const admin = system.token(user('demo-admin'));
      const ofSite2 = (await system.upload(admin, 'demo-site-2', await photo())).json.key as string;
      const attached = (await system.upload(desk, 'demo-site-1', pdf(), 'letter.pdf', 'application/pdf')).json;
      expect(attached).toMatchObject({ contentType: 'application/pdf', thumbnailKey: null });
      const first = await system.graphql(desk, FILE, { i: complaintAt([attached.key]) });
      expect(first.errors).toBeUndefined();
      const before = await rows();
      const cases = [
        ofSite2, // issued to this organisation, for another site
        attached.key, // already on another case
        'demo-org/demo-site-1/00000000-0000-4000-8000-000000000000.jpg', // never issued
        'other-org/demo-site-1/00000000-0000-4000-8000-000000000001.jpg', // another organisation's form
      ];
      const answers = [];
      for (const key of cases) {
        const r = await system.graphql(desk, FILE, { i: complaintAt([key]) });
        expect(errorOf(r)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'attachments' });
        answers.push(r.errors![0].message.replace(key, '<key>'));
      }
      // one answer for all: nothing tells whether a key exists elsewhere
      expect(new Set(answers).size).toBe(1);
      // finding 7: any https URL was stored before
      const url = await system.graphql(desk, FILE, { i: complaintAt(['https://evil.example/x.jpg']) });
      expect(errorOf(url)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'attachments' });
      expect(await rows()).toBe(before);
    });

    it('rule "the type is read from the bytes, the size is limited": a renamed executable and a 50 MB file are refused, nothing stored', async () => {
      const desk = system.token(user('demo-front-desk'));
      const before = await rows();
      const keysBefore = (await storedKeys(system)).length;
      const exe = await system.upload(desk, 'demo-site-1', executable(), 'photo.jpg', 'image/jpeg');
      expect(exe.status).toBe(415);
      expect(exe.json.errors[0].extensions).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', field: 'file' });
      expect(exe.json.errors[0].message).toMatch(/application\/x-elf.*only JPEG, PNG, WebP or HEIC images and PDF/);
      // a JPEG's first bytes and nothing after: refused as broken, not stored
      const cut = await system.upload(desk, 'demo-site-1', (await photo()).subarray(0, 200));
      expect(cut.status).toBe(400);

      // 50 MB with its length declared: refused at the gateway before intake reads it
      const big = await declareUpload(system, desk, 'demo-site-1', 50 * 1024 * 1024);
      expect(big.status).toBe(413);
      expect(big.json.errors[0]).toMatchObject({ extensions: { code: 'PAYLOAD_TOO_LARGE', field: 'file' } });
      expect(big.json.errors[0].message).toMatch(/larger than 10485760 bytes \(ATTACHMENT_MAX_BYTES\): nothing was stored/);
      // 12 MB sent chunked (no length declared): intake stops counting at the limit
      const chunks = async function* () {
        const head = await photo();
        yield head;
        for (let i = 0; i < 12; i++) yield Buffer.alloc(1024 * 1024, 7);
      };
      const chunked = await system.upload(desk, 'demo-site-1', chunks());
      expect(chunked.status).toBe(413);
      expect(await rows()).toBe(before);
      expect((await storedKeys(system)).length).toBe(keysBefore);
    });

    it('rule "photos of a work order\'s progress": dispatch takes only keys issued for its site, once; those who see the case see them', async () => {
      const desk = system.token(user('demo-front-desk'));
      const staff = system.token(user('demo-department-staff'));
      const head = system.token(user('demo-department-head'));
      const gql = system.graphql.bind(system);
      const filed = await system.graphql<{ fileComplaint: { id: string } }>(desk, FILE, { i: complaintAt([]) });
      const complaintId = filed.data!.fileComplaint.id;
      const wo = await eventually(
        async () => (await system.sql<{ id: string }>('dispatch', 'select id from work_order where complaint_id = $1', [complaintId]))[0],
        30_000,
        'the work order',
      );
      await planAndAssign({ gql, staff, head }, wo.id);
      const before = (await system.upload(staff, 'demo-site-1', await photo(), 'before.jpg')).json;
      const ofSite2 = (await system.upload(staff, 'demo-site-2', await photo(), 'elsewhere.jpg')).json;
      const PROGRESS = `mutation P($i: RecordProgressInput!) { recordProgress(input: $i) { progress { note attachments } } }`;
      const progress = (attachments: string[]) =>
        system.graphql(staff, PROGRESS, { i: { workOrderId: wo.id, note: 'Opened the panel.', attachments } });
      // dispatch learns the key from attachment.uploaded, moments after the upload's answer: the step waits for it
      const taken = await progress([before.key]);
      expect(taken.data).toMatchObject({ recordProgress: { progress: [{ note: 'Opened the panel.', attachments: [before.key] }] } });
      // another site's key, an invented one, a URL, the same key again on another work order: refused
      const second = await system.graphql<{ fileComplaint: { id: string } }>(desk, FILE, { i: complaintAt([]) });
      const wo2 = await eventually(
        async () =>
          (
            await system.sql<{ id: string }>('dispatch', 'select id from work_order where complaint_id = $1', [
              second.data!.fileComplaint.id,
            ])
          )[0],
        30_000,
        'the second work order',
      );
      await planAndAssign({ gql, staff, head }, wo2.id);
      await eventually(
        async () => (await system.sql('dispatch', 'select 1 from known_attachment where key = $1', [ofSite2.key])).length === 1,
        30_000,
        'the key of site 2',
      );
      for (const [workOrderId, key] of [
        [wo.id, ofSite2.key],
        [wo.id, 'demo-org/demo-site-1/00000000-0000-4000-8000-000000000000.jpg'],
        [wo2.id, before.key],
      ]) {
        const r = await system.graphql(staff, PROGRESS, { i: { workOrderId, note: 'x', attachments: [key] } });
        expect(errorOf(r)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'attachments' });
      }
      const url = await system.graphql(staff, PROGRESS, {
        i: { workOrderId: wo.id, note: 'x', attachments: ['https://evil.example/x.jpg'] },
      });
      expect(errorOf(url)?.code).toBe('BAD_USER_INPUT');
      // the photo belongs to the case: the site head reads it, the sweep leaves it, a stranger does not see it
      await eventually(
        async () =>
          (await system.sql<{ complaint_id: string }>('intake', 'select complaint_id from attachment where key = $1', [before.key]))[0]
            ?.complaint_id === complaintId,
        30_000,
        'intake to link the photo to the case',
      );
      const link = await system.graphql<{ attachmentUrl: string }>(system.token(user('demo-site-head')), URL_OF, { k: before.key });
      expect(link.errors).toBeUndefined();
      expect((await download(system, link.data!.attachmentUrl)).status).toBe(200);
      expect(errorOf(await system.graphql(system.token(site2Only(user('demo-front-desk'))), URL_OF, { k: before.key }))?.code).toBe(
        'NOT_FOUND',
      );
    });

    it('rule "an upload never attached to a case is not kept": past ATTACHMENT_ORPHAN_HOURS it is deleted with its thumbnail; an attached one stays', async () => {
      const desk = system.token(user('demo-front-desk'));
      const orphan = (await system.upload(desk, 'demo-site-1', await photo(), 'abandoned.jpg')).json;
      const young = (await system.upload(desk, 'demo-site-1', await photo(), 'just-now.jpg')).json;
      const kept = (await system.upload(desk, 'demo-site-1', await photo(), 'filed.jpg')).json;
      expect((await system.graphql(desk, FILE, { i: complaintAt([kept.key]) })).errors).toBeUndefined();
      // uploaded 25 hours ago, as the sweep sees it
      await system.sql('intake', `update attachment set uploaded_at = now() - interval '25 hours' where key = any($1)`, [
        [orphan.key, kept.key],
      ]);
      await eventually(
        async () => (await system.sql('intake', 'select 1 from attachment where key = $1', [orphan.key])).length === 0,
        30_000,
        'the sweep',
      );
      // the rows go in the sweep's transaction, the files right after it: wait for both
      const stored = await eventually(
        async () => {
          const keys = await storedKeys(system);
          return keys.includes(orphan.key) ? undefined : keys;
        },
        30_000,
        "the sweep's files",
      );
      expect(stored).not.toContain(orphan.key);
      expect(stored).not.toContain(orphan.thumbnailKey);
      expect(stored).toEqual(expect.arrayContaining([young.key, kept.key, kept.thumbnailKey]));
      const left = await system.sql<{ key: string }>('intake', 'select key from attachment where key = any($1)', [[young.key, kept.key]]);
      expect(left.map((r) => r.key).sort()).toEqual([young.key, kept.key].sort());
    });

    it('rule "a purged complaint\'s files are deleted with it": archive.purged at the end of the two years removes its files, thumbnails and records', async () => {
      const desk = system.token(user('demo-front-desk'));
      const a = (await system.upload(desk, 'demo-site-1', await photo(), 'a.jpg')).json;
      const b = (await system.upload(desk, 'demo-site-1', pdf(), 'b.pdf', 'application/pdf')).json;
      const other = (await system.upload(desk, 'demo-site-1', await photo(), 'other.jpg')).json;
      const filed = await system.graphql<{ fileComplaint: { id: string } }>(desk, FILE, { i: complaintAt([a.key, b.key]) });
      const id = filed.data!.fileComplaint.id;
      expect((await system.graphql(desk, FILE, { i: complaintAt([other.key]) })).errors).toBeUndefined();
      // analytics' archive purge, two years after closing (stood in for here: its clock would need two years)
      await system.publish(ArchivePurged, {
        orgId: 'demo-org',
        siteId: 'demo-site-1',
        complaintId: id,
        closedAt: '2024-11-01T00:00:00.000Z',
        purgedAt: new Date().toISOString(),
      });
      await eventually(
        async () => (await system.sql('intake', 'select 1 from attachment where complaint_id = $1', [id])).length === 0,
        30_000,
        'the purge',
      );
      const stored = await storedKeys(system);
      for (const k of [a.key, a.thumbnailKey, b.key]) expect(stored).not.toContain(k);
      expect(stored).toEqual(expect.arrayContaining([other.key, other.thumbnailKey]));
      const [c] = await system.sql<{ attachments: string[] }>('intake', 'select attachments from complaint where id = $1', [id]);
      expect(c.attachments).toEqual([]);
      expect(errorOf(await system.graphql(desk, URL_OF, { k: a.key }))?.code).toBe('NOT_FOUND');
    });

    it('rule "only the caller\'s granted sites, only roles that record cases": refused uploads', async () => {
      const bytes = await photo();
      expect((await system.upload('not-a-token', 'demo-site-1', bytes)).status).toBe(401);
      const analyst = await system.upload(system.token(user('demo-analyst')), 'demo-site-1', bytes);
      expect(analyst.status).toBe(403);
      const otherSite = await system.upload(system.token(user('demo-site-head')), 'demo-site-2', bytes);
      expect(otherSite.status).toBe(403);
      const foreign = await system.upload(system.token(otherOrg), 'demo-site-1', bytes);
      expect(foreign.json.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'siteId' });
      const none = await system.upload(system.token(user('demo-front-desk')), '', bytes);
      expect(none.json.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'siteId' });
    });
  });
}
