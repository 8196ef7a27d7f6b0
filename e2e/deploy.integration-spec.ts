import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as apps from 'kubernetes-models/apps/v1';
import * as autoscaling from 'kubernetes-models/autoscaling/v2';
import * as batch from 'kubernetes-models/batch/v1';
import * as policy from 'kubernetes-models/policy/v1';
import * as core from 'kubernetes-models/v1';
import { parse } from 'yaml';
import { SUBGRAPH_NAMES } from '@pc/platform';

/**
 * Issue 15, `deploy/`: the Kubernetes manifests as the production overlay renders them
 * (`kubectl kustomize`) are validated object by object against the Kubernetes schemas
 * (kubernetes-models 4, the last major for Node 20) and checked for what operations rely on; the
 * compose file is validated by `docker-compose config`; the Dockerfile has a non-root, health-checked
 * target per service. Images are not built here (no registry is reachable); the README says so.
 */
const ROOT = join(__dirname, '..');
const SERVICES = ['gateway', ...SUBGRAPH_NAMES];

type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [k: string]: any;
};

const MODELS: Record<string, new (o: any) => { validate(): void }> = {
  'apps/v1/Deployment': apps.Deployment,
  'apps/v1/StatefulSet': apps.StatefulSet,
  'v1/Service': core.Service,
  'v1/ConfigMap': core.ConfigMap,
  'v1/Secret': core.Secret,
  'v1/Namespace': core.Namespace,
  'batch/v1/Job': batch.Job,
  'policy/v1/PodDisruptionBudget': policy.PodDisruptionBudget,
  'autoscaling/v2/HorizontalPodAutoscaler': autoscaling.HorizontalPodAutoscaler,
};

let objects: K8sObject[] = [];
const find = (kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name);
const matches = (selector: Record<string, string>, labels: Record<string, string> = {}) =>
  Object.entries(selector).every(([k, v]) => labels[k] === v);

beforeAll(() => {
  const rendered = execFileSync('kubectl', ['kustomize', join(ROOT, 'deploy/k8s/overlays/production')], { encoding: 'utf8' });
  objects = rendered
    .split(/^---$/m)
    .filter((doc) => doc.trim())
    .map((doc) => parse(doc) as K8sObject);
});

describe('deploy/k8s (kustomize base + production overlay)', () => {
  it('renders only objects that are valid against the Kubernetes schema, all in the namespace', () => {
    expect(objects.length).toBeGreaterThanOrEqual(20);
    for (const o of objects) {
      const Model = MODELS[`${o.apiVersion}/${o.kind}`];
      expect({ object: `${o.kind}/${o.metadata.name}`, known: Boolean(Model) }).toEqual({
        object: `${o.kind}/${o.metadata.name}`,
        known: true,
      });
      expect(() => new Model(o).validate()).not.toThrow();
      if (o.kind !== 'Namespace') {
        expect({ object: `${o.kind}/${o.metadata.name}`, ns: o.metadata.namespace }).toEqual({
          object: `${o.kind}/${o.metadata.name}`,
          ns: 'property-care',
        });
      }
    }
  });

  it('runs every service as a Deployment with readiness and liveness on /health, resources, non-root, config from the ConfigMap and secrets from the Secret, a Service and a PodDisruptionBudget', () => {
    const config = find('ConfigMap', 'pc-config')!;
    const secret = find('Secret', 'pc-secrets')!;
    expect(config).toBeDefined();
    expect(Object.keys(secret.stringData)).toEqual(expect.arrayContaining(['DATABASE_URL', 'AUTH_JWT_SECRET', 'GATEWAY_SECRET']));
    expect(Object.values(secret.stringData).every((v) => v === '')).toBe(true); // no real secret is committed
    for (const name of SERVICES) {
      const d = find('Deployment', name)!;
      expect(d).toBeDefined();
      const pod = d.spec.template.spec;
      expect(pod.securityContext.runAsNonRoot).toBe(true);
      const [c] = pod.containers;
      expect(c.readinessProbe.httpGet.path).toBe('/health');
      expect(c.livenessProbe.httpGet.path).toBe('/health');
      expect(c.resources.requests).toMatchObject({ cpu: expect.anything(), memory: expect.anything() });
      expect(c.resources.limits).toMatchObject({ cpu: expect.anything(), memory: expect.anything() });
      expect(c.image).toMatch(new RegExp(`^registry\\.example\\.com/property-care/${name}:\\d+\\.\\d+\\.\\d+$`)); // pinned, never :latest
      expect(c.envFrom).toEqual([{ configMapRef: { name: 'pc-config' } }, { secretRef: { name: 'pc-secrets' } }]);
      const service = find('Service', name)!;
      expect(matches(service.spec.selector, d.spec.template.metadata.labels)).toBe(true);
      const pdb = objects.find(
        (o) => o.kind === 'PodDisruptionBudget' && matches(o.spec.selector.matchLabels, d.spec.template.metadata.labels),
      );
      expect({ name, pdb: Boolean(pdb) }).toEqual({ name, pdb: true });
    }
    expect(find('Deployment', 'gateway')!.spec.replicas).toBe(3);
    expect(find('Deployment', 'dispatch')!.spec.replicas).toBe(3);
  });

  it('scales the gateway and dispatch with HorizontalPodAutoscalers on CPU', () => {
    for (const name of ['gateway', 'dispatch']) {
      const hpa = find('HorizontalPodAutoscaler', name)!;
      expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name });
      expect(hpa.spec.minReplicas).toBe(3);
      expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
    }
  });

  it('runs NATS as a StatefulSet of 3 with JetStream on persistent volumes, clustered by routes, and the stream at R3', () => {
    const nats = find('StatefulSet', 'nats')!;
    expect(nats.spec.replicas).toBe(3);
    expect(nats.spec.volumeClaimTemplates[0].spec.resources.requests.storage).toBeDefined();
    const args: string[] = nats.spec.template.spec.containers[0].args;
    expect(args).toEqual(expect.arrayContaining(['-js', '--routes', '--cluster_name']));
    expect(find('PodDisruptionBudget', 'nats')!.spec.maxUnavailable).toBe(1);
    expect(find('ConfigMap', 'pc-config')!.data.NATS_STREAM_REPLICAS).toBe('3');
    expect(find('ConfigMap', 'pc-config')!.data.NATS_URL.split(',')).toHaveLength(3);
  });

  it('keeps photos and files in MinIO on a persistent volume, its credentials from the Secret, the services pointed at it', () => {
    const minio = find('StatefulSet', 'minio')!;
    expect(minio.spec.volumeClaimTemplates[0].spec.resources.requests.storage).toBeDefined();
    const env = minio.spec.template.spec.containers[0].env as {
      name: string;
      valueFrom: { secretKeyRef: { name: string; key: string } };
    }[];
    expect(env.map((e) => [e.name, e.valueFrom.secretKeyRef.name, e.valueFrom.secretKeyRef.key])).toEqual([
      ['MINIO_ROOT_USER', 'pc-secrets', 'S3_ACCESS_KEY_ID'],
      ['MINIO_ROOT_PASSWORD', 'pc-secrets', 'S3_SECRET_ACCESS_KEY'],
    ]);
    expect(find('Service', 'minio')!.spec.ports[0].port).toBe(9000);
    expect(find('ConfigMap', 'pc-config')!.data).toMatchObject({ ATTACHMENT_STORE: 's3', S3_ENDPOINT: 'http://minio:9000' });
    expect(Object.keys(find('Secret', 'pc-secrets')!.stringData)).toEqual(
      expect.arrayContaining(['S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']),
    );
  });

  it('has the migration Job, labelled to be applied and awaited before a rollout', () => {
    const job = find('Job', 'pc-migrate')!;
    expect(job.metadata.labels?.['app.kubernetes.io/component']).toBe('migration');
    expect(job.spec.template.spec.containers[0].image).toMatch(/property-care\/migrate:\d/);
    expect(job.spec.template.spec.restartPolicy).toBe('OnFailure');
  });
});

describe('deploy/compose.yaml and deploy/Dockerfile', () => {
  const compose = (env: NodeJS.ProcessEnv) =>
    spawnSync('docker-compose', ['-f', join(ROOT, 'deploy/compose.yaml'), 'config'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, ...env },
    });

  it('validates with docker-compose config: a 3-node NATS cluster, PostgreSQL, the migration job, the five services after it', () => {
    const ok = compose({
      POSTGRES_PASSWORD: 'pw-for-validation',
      GATEWAY_SECRET: 'a-gateway-secret-of-16+',
      MINIO_ROOT_PASSWORD: 'minio-pw',
    });
    expect({ status: ok.status, stderr: ok.stderr }).toEqual({ status: 0, stderr: expect.any(String) });
    const config = parse(ok.stdout) as { services: Record<string, any> };
    const names = Object.keys(config.services);
    expect(names).toEqual(expect.arrayContaining(['nats-1', 'nats-2', 'nats-3', 'postgres', 'migrate', ...SERVICES]));
    for (const n of ['nats-1', 'nats-2', 'nats-3']) expect(config.services[n].command).toEqual(expect.arrayContaining(['-js', '--routes']));
    for (const s of SERVICES) {
      expect(config.services[s].depends_on.migrate).toEqual({ condition: 'service_completed_successfully' });
      expect(config.services[s].environment.NATS_STREAM_REPLICAS).toBe('3');
      expect(config.services[s].build.target).toBe(s);
    }
    // photos and files in MinIO: intake waits for it and reads the store's settings (issue 29)
    expect(config.services.minio.image).toMatch(/^minio\/minio:RELEASE\./);
    expect(config.services.intake.depends_on.minio).toEqual({ condition: 'service_started' });
    expect(config.services.intake.environment).toMatchObject({
      ATTACHMENT_STORE: 's3',
      S3_ENDPOINT: 'http://minio:9000',
      S3_BUCKET: 'pc-attachments',
      S3_SECRET_ACCESS_KEY: 'minio-pw',
    });
    // the secrets are required, never defaulted
    expect(compose({ POSTGRES_PASSWORD: 'pw-for-validation' }).status).not.toBe(0);
    expect(compose({ POSTGRES_PASSWORD: 'pw-for-validation', GATEWAY_SECRET: 'a-gateway-secret-of-16+' }).status).not.toBe(0);
  });

  it('has a non-root, health-checked image target per service and one for the migration job', () => {
    const dockerfile = readFileSync(join(ROOT, 'deploy/Dockerfile'), 'utf8');
    const targets = [...dockerfile.matchAll(/^FROM \S+ AS (\S+)$/gm)].map((m) => m[1]);
    expect(targets).toEqual(expect.arrayContaining([...SERVICES, 'migrate', 'runtime']));
    const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'), dockerfile.indexOf('AS gateway'));
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^HEALTHCHECK .*\n.*\/health/m);
    for (const s of SERVICES) expect(dockerfile).toContain(`dist/apps/${s}/src/main.js`);
  });
});

describe('deploy/grafana', () => {
  it('charts only metrics the services export', () => {
    const dashboard = JSON.parse(readFileSync(join(ROOT, 'deploy/grafana/property-care.json'), 'utf8')) as {
      panels: { targets: { expr: string }[] }[];
    };
    // every metric the code defines: `name: '…'` of a prom-client metric, or the first argument of scrapeGauge
    const files = execFileSync(
      'grep',
      ['-rlE', 'scrapeGauge|new (Counter|Histogram|Gauge)', join(ROOT, 'libs'), join(ROOT, 'apps'), '--include=*.ts'],
      {
        encoding: 'utf8',
      },
    )
      .trim()
      .split('\n');
    const sources = files.map((f) => readFileSync(f, 'utf8')).join('\n');
    const exported = new Set(
      [...sources.matchAll(/(?:name:\s*|scrapeGauge\(\s*)'([a-z_]+)'/g)].map((m) => m[1]).concat(['process_cpu_seconds_total']),
    );
    // the metric names of a PromQL expression: what is left once strings and `by (...)` are gone, before a selector or a range
    const metricsOf = (expr: string) =>
      [
        ...expr
          .replace(/"[^"]*"/g, '')
          .replace(/by \([^)]*\)/g, '')
          .matchAll(/([a-z][a-z0-9_]*?)(?:_bucket|_count|_sum)?(?=[{[)])/g),
      ].map((m) => m[1]);
    const charted = dashboard.panels.flatMap((p) => p.targets.flatMap((t) => metricsOf(t.expr)));
    expect(charted.length).toBeGreaterThanOrEqual(14);
    for (const name of charted) expect({ name, exported: exported.has(name) }).toEqual({ name, exported: true });
  });
});
