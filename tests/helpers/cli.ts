import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../main/core/cli/index';

/** Runs the real CLI in-process with captured stdout/stderr and an optional stdin text. */
export async function cli(
  args: string[],
  stdinText = '',
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await runCli(args, { stdin: Readable.from([stdinText]), stdout, stderr });
  return { code, stdout: out, stderr: err };
}
