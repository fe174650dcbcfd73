// Prints what each page of the SPA makes the browser download on a first visit: the entry, the page's own chunk and
// every chunk they import statically (JavaScript and CSS) and the Japanese catalogues it loads (the common one; the
// work pages' one for a work page, `page(` in the router rather than `publicPage(`), as built, gzip and brotli bytes
// (the files the Api sends).
// Usage: bench/spa-bytes.sh (builds src/Web first). Reads src/Web/dist/.vite/manifest.json and src/app/router.tsx.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const web = new URL('../src/Web/', import.meta.url).pathname;
const dist = join(web, 'dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
const router = readFileSync(join(web, 'src/app/router.tsx'), 'utf8');

// { path: 'vendors', lazy: page(() => import('@/features/marketplace/VendorSearchRoute'), ...) }
const routes = [{ path: '/', module: null, work: false }];
for (const [, path, kind, module] of router.matchAll(/path: '([^']+)', lazy: (page|publicPage)\(\(\) => import\('@\/([^']+)'\)/g))
  routes.push({ path: `/${path}`, module: `src/${module}.tsx`, work: kind === 'page' });

const sizeOf = (file) => (existsSync(file) ? statSync(file).size : null);
const bytes = (file) => {
  const raw = statSync(join(dist, file)).size;
  // Files under the compression threshold have no copies: they are sent as they are.
  return { raw, gzip: sizeOf(join(dist, `${file}.gz`)) ?? raw, brotli: sizeOf(join(dist, `${file}.br`)) ?? raw };
};

function collect(key, files) {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const css of chunk.css ?? []) files.add(css);
  for (const imported of chunk.imports ?? []) collect(imported, files);
}

const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log(`${'route'.padEnd(34)} ${'JS raw'.padStart(8)} ${'JS gzip'.padStart(8)} ${'JS br'.padStart(8)} ${'CSS gzip'.padStart(8)}  (KiB)`);
let largest = { path: '', gzip: 0 };
for (const { path, module, work } of routes) {
  const files = new Set();
  collect('index.html', files);
  collect('src/locales/ja.json', files); // the catalogue of the language in use, Japanese by default
  if (work) collect('src/locales/ja.work.json', files);
  if (module) {
    if (!manifest[module]) throw new Error(`${module} (route ${path}) is not in the build's manifest`);
    collect(module, files);
  }
  const total = { raw: 0, gzip: 0, brotli: 0, css: 0 };
  for (const file of files) {
    const b = bytes(file);
    if (file.endsWith('.css')) total.css += b.gzip;
    else { total.raw += b.raw; total.gzip += b.gzip; total.brotli += b.brotli; }
  }
  if (total.gzip > largest.gzip) largest = { path, gzip: total.gzip };
  console.log(`${path.padEnd(34)} ${kb(total.raw)} ${kb(total.gzip)} ${kb(total.brotli)} ${kb(total.css)}`);
}
const maps = Object.values(manifest).filter((c) => existsSync(join(dist, `${c.file}.map`))).length;
console.log(`\nlargest first load: ${largest.path}, ${(largest.gzip / 1024).toFixed(1)} KiB of JavaScript gzipped`);
console.log(`source maps in the build: ${maps}`);
