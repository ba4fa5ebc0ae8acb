// Entry of the bundled CLI (dist/sourcier.mjs).
import { run } from './sourcier';

const io = {
  stdout: (s: string) => void process.stdout.write(s),
  stderr: (s: string) => void process.stderr.write(s),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  },
  fetchUrl: async (url: string) => {
    const response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(20_000), headers: { 'user-agent': 'sourcier-cli' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return { body: Buffer.from(await response.arrayBuffer()), contentType: response.headers.get('content-type') };
  },
};

run(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`sourcier: ${(e as Error)?.message?.split('\n')[0] ?? 'unexpected error'}\n`);
    process.exitCode = 2;
  },
);
