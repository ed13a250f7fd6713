import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'fs';
import { join } from 'path';

/** Everything under `root`, by relative path: a file's bytes (as text), a link's target, `<dir>` for a folder. */
export function treeOf(root: string): Record<string, string> {
  const tree: Record<string, string> = {};
  const visit = (rel: string) => {
    for (const name of readdirSync(join(root, rel)).sort()) {
      const childRel = rel ? `${rel}/${name}` : name;
      const path = join(root, childRel);
      const stats = lstatSync(path);
      if (stats.isSymbolicLink()) tree[childRel] = `-> ${readlinkSync(path)}`;
      else if (stats.isDirectory()) {
        tree[childRel] = '<dir>';
        visit(childRel);
      } else tree[childRel] = readFileSync(path, 'utf8');
    }
  };
  visit('');
  return tree;
}
