import { runCli } from './index';

// Entry point of out/cli/atalaya.cjs (`npm run -s atalaya -- …`).
// npm runs scripts in the checkout's folder and says where it was started in INIT_CWD: the
// paths a user types (`import ./export.csv --workspace acme.atalaya`) are meant from there.
const startedIn = process.env['INIT_CWD'];
if (startedIn && startedIn !== process.cwd()) process.chdir(startedIn);
// Output piped into `head` and closed early is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`${String(e)}\n`);
    process.exitCode = 1;
  },
);
