// Builds the web app when dist/ is missing or older than any web source file, so
// `npm start` serves the current screens without rebuilding on every start.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const web = 'packages/web';
const built = path.join(web, 'dist/index.html');

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const sources = Math.max(
  newest(path.join(web, 'src')),
  newest(path.join(web, 'scripts')),
  statSync(path.join(web, 'index.html')).mtimeMs,
);
if (!existsSync(built) || statSync(built).mtimeMs < sources) {
  console.log('building the web app…');
  execSync('npm run --silent build -w @warmline/web', { stdio: 'inherit' });
}
