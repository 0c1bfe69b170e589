// Electron cannot be downloaded on these machines, so no real package can be built. This lays
// out the app with electron-builder --dir over a stub Electron folder and checks that what the
// packaged app needs is inside: the bundles, the icon, runtime modules, and better-sqlite3's
// native binary unpacked from app.asar (a .node file cannot be loaded from inside an archive).
// The stub carries Electron's fuse wire (sentinel, version 1, eight fuses left as "inherit"), so
// electron-builder really flips the fuses of electron-builder.yml in it; they are read back below.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const asar = require('@electron/asar');
const electronVersion = require('electron/package.json').version;
const stub = mkdtempSync(join(tmpdir(), 'electron-stub-'));
const { FuseV1Options, getCurrentFuseWire } = require('@electron/fuses');
const { FuseState, SENTINEL } = require('@electron/fuses/dist/constants');
writeFileSync(
  join(stub, 'electron'),
  Buffer.concat([
    Buffer.from('#!/bin/sh\necho stub\nexit 0\n'),
    Buffer.from(SENTINEL, 'latin1'),
    Buffer.from([1, 8, ...Array(8).fill(FuseState.INHERIT)]),
  ]),
);
chmodSync(join(stub, 'electron'), 0o755);
mkdirSync('dist', { recursive: true });

const builder = spawnSync(
  process.execPath,
  [
    require.resolve('electron-builder/cli.js'),
    '--dir',
    '--linux',
    `-c.electronDist=${stub}`,
    `-c.electronVersion=${electronVersion}`,
  ],
  { encoding: 'utf8' },
);
if (builder.status !== 0) {
  console.error(builder.stdout, builder.stderr);
  process.exit(1);
}
const resources = 'dist/linux-unpacked/resources';
const files = new Set(
  asar.listPackage(join(resources, 'app.asar')).map((f) => f.replaceAll('\\', '/')),
);
const problems = [];
for (const f of [
  '/out/main/index.js',
  '/out/main/import-worker.js',
  '/out/preload/index.js',
  '/out/renderer/index.html',
  '/resources/icon.png',
  '/package.json',
]) {
  if (!files.has(f)) problems.push(`missing in app.asar: ${f}`);
}
const pkg = require('./../package.json');
for (const dep of Object.keys(pkg.dependencies)) {
  if (!files.has(`/node_modules/${dep}/package.json`))
    problems.push(`runtime dependency not packaged: ${dep}`);
}
const native = join(
  resources,
  'app.asar.unpacked/node_modules/better-sqlite3/prebuilds/linux-x64.node',
);
if (!existsSync(native)) problems.push(`better-sqlite3 binary not unpacked: ${native}`);
if ([...files].some((f) => f.startsWith('/node_modules/electron/')))
  problems.push('electron itself is inside app.asar');
if ([...files].some((f) => f.startsWith('/tests/') || f.startsWith('/main/')))
  problems.push('sources or tests leaked into app.asar');
// Fuses: what the packaged binary ends up with, not just what the config says.
const expectedFuses = {
  RunAsNode: FuseState.DISABLE,
  EnableCookieEncryption: FuseState.ENABLE,
  EnableNodeOptionsEnvironmentVariable: FuseState.DISABLE,
  EnableNodeCliInspectArguments: FuseState.DISABLE,
  EnableEmbeddedAsarIntegrityValidation: FuseState.ENABLE,
  OnlyLoadAppFromAsar: FuseState.ENABLE,
  GrantFileProtocolExtraPrivileges: FuseState.DISABLE,
};
const wire = await getCurrentFuseWire(join('dist/linux-unpacked', pkg.name));
let fusesOk = 0;
for (const [name, want] of Object.entries(expectedFuses)) {
  const got = wire[FuseV1Options[name]];
  if (got === want) fusesOk += 1;
  else
    problems.push(
      `fuse ${name} is ${FuseState[got] ?? got} in the packaged binary; electron-builder.yml electronFuses must set it ${FuseState[want]}`,
    );
}
console.log(`electron fuses: ${fusesOk} of ${Object.keys(expectedFuses).length} as required`);
console.log(`package layout: ${files.size} entries in app.asar, ${problems.length} problems`);
for (const p of problems) console.error(`  ${p}`);
process.exit(problems.length ? 1 : 0);
