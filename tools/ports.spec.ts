import { createServer, type Server } from 'node:net';
import { busyPorts } from './ports';

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
});
