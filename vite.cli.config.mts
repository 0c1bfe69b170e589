import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

// Headless entries (CLI, bench, eval) are bundled the same way as the Electron main process:
// runtime dependencies stay external so the native better-sqlite3 binary is loaded from
// node_modules, and SQL migrations are inlined by import.meta.glob.
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
};
const external = [
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...Object.keys(pkg.dependencies),
];

export default defineConfig({
  build: {
    ssr: true,
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node22',
    sourcemap: true,
    minify: false,
    rollupOptions: {
      input: {
        atalaya: 'main/core/cli/main.ts',
        bench: 'scripts/bench.ts',
        eval: 'scripts/eval.ts',
        'make-demo': 'scripts/make-demo.ts',
        'import-worker': 'main/core/sources/import-worker.ts',
      },
      external: (id) => external.some((e) => id === e || id.startsWith(`${e}/`)),
      output: { format: 'cjs', entryFileNames: '[name].cjs' },
    },
  },
});
