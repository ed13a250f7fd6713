import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';

// The provider's package root loads every azurerm resource (about 1.5 s and 400 MiB per process).
const ROOT_IMPORT = /(from\s+|require\()\s*['"]@cdktf\/provider-azurerm['"]/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

test('nothing imports the @cdktf/provider-azurerm package root, only lib/<resource> submodules', () => {
  const root = join(__dirname, '..');
  const files = ['lib', 'examples', 'scripts', 'test'].flatMap((dir) => sourceFiles(join(root, dir)));
  expect(files.length).toBeGreaterThan(10);
  const offenders = files.filter((file) => ROOT_IMPORT.test(readFileSync(file, 'utf8')));
  expect(offenders).toEqual([]);
});

test('the check itself catches a root import', () => {
  const pkg = ['@cdktf', 'provider-azurerm'].join('/'); // split so this file does not match itself
  expect(ROOT_IMPORT.test(`import { StorageAccount } from '${pkg}';`)).toBe(true);
  expect(ROOT_IMPORT.test(`const azurerm = require("${pkg}");`)).toBe(true);
  expect(ROOT_IMPORT.test(`import { StorageAccount } from '${pkg}/lib/storage-account';`)).toBe(false);
});
