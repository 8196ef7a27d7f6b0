import { createServer, type Server } from 'node:net';
import { busyPorts, wantedPorts } from './ports';

describe('npm start checks its ports before it starts (issue 28)', () => {
  let other: Server;
  let port: number;
  beforeAll(async () => {
    other = createServer();
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    port = (other.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((r) => other.close(() => r())));

  it('names the port in use, the service that wanted it and the variable that moves it; a free port says nothing', async () => {
    const free = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const lines = await busyPorts('127.0.0.1', [
      { service: 'dispatch', variable: 'DISPATCH_PORT', port },
      { service: 'intake', variable: 'INTAKE_PORT', port: free },
    ]);
    expect(lines).toEqual([
      `port ${port} on 127.0.0.1 (dispatch) is in use by another program: stop it, or start with DISPATCH_PORT=<another port>`,
    ]);
  });

  it('reads the ports as the config does, without loading it (so that the check answers in about a second): the table’s defaults, each variable, HOST', () => {
    expect(wantedPorts({})).toEqual({
      host: '127.0.0.1',
      ports: [
        { service: 'intake', variable: 'INTAKE_PORT', port: 4001 },
        { service: 'dispatch', variable: 'DISPATCH_PORT', port: 4002 },
        { service: 'callback', variable: 'CALLBACK_PORT', port: 4003 },
        { service: 'analytics', variable: 'ANALYTICS_PORT', port: 4004 },
        { service: 'notify', variable: 'NOTIFY_PORT', port: 4005 },
        { service: 'gateway', variable: 'GATEWAY_PORT', port: 4000 },
      ],
    });
    const moved = wantedPorts({ HOST: '0.0.0.0', GATEWAY_PORT: '8080', NOTIFY_PORT: '9005', DISPATCH_PORT: 'abc' });
    expect(moved.host).toBe('0.0.0.0');
    expect(moved.ports.find((p) => p.service === 'gateway')?.port).toBe(8080);
    expect(moved.ports.find((p) => p.service === 'notify')?.port).toBe(9005);
    // not a port: left to the config's validation, which names the variable
    expect(moved.ports.find((p) => p.service === 'dispatch')).toBeUndefined();
  });
});
