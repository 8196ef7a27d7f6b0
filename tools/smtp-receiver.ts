import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpReceiver {
  /** `smtp://127.0.0.1:<port>`, for a service's SMTP_URL. */
  url: string;
  close(): Promise<void>;
}

/**
 * A real SMTP server on a free loopback port for the tests and benchmarks (smtp-server): every mail
 * accepted is parsed (mailparser) and handed to `onMail`. A sender's connection cut by its death
 * (kill -9 of a pooled sender) is an error of that session only, as on any SMTP server.
 */
export async function startSmtpReceiver(onMail: (mail: ParsedMail) => void): Promise<SmtpReceiver> {
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, done) {
      simpleParser(stream)
        .then((m) => {
          onMail(m);
          done();
        })
        .catch(done);
    },
  });
  smtp.on('error', () => undefined);
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  return {
    url: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => smtp.close(() => r())),
  };
}
