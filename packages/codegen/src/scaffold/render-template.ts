import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { SAFE_VALUE, type TemplateValues } from './template-values.js';

/** One file of a new project: its path relative to the project folder and its content. */
export interface RenderedFile {
  readonly path: string;
  readonly content: string;
}

/**
 * Files whose names start with `_` are written with a `.` instead (`_gitignore` → `.gitignore`):
 * npm drops or renames dotfiles such as `.gitignore` when it packs the template.
 */
const DOTFILE_PREFIX = '_';

/** Any placeholder: two underscores, capitals, two underscores. */
const PLACEHOLDER = /__[A-Z][A-Z_]*[A-Z]__/g;

/**
 * Reads every file of a template folder and replaces its placeholders. Nothing is written: the caller
 * writes the result only when everything rendered.
 * @throws Error naming the file and placeholder when a placeholder has no value
 */
export async function renderTemplate(folder: string, values: TemplateValues): Promise<RenderedFile[]> {
  for (const [placeholder, value] of Object.entries(values)) {
    if (!SAFE_VALUE.test(value)) throw new Error(`unsafe value for ${placeholder}: ${JSON.stringify(value)}`);
  }
  const files: RenderedFile[] = [];
  for (const file of await listFiles(folder)) {
    const template = await readFile(join(folder, file), 'utf8');
    const content = template.replace(PLACEHOLDER, (placeholder) => {
      const value = values[placeholder];
      if (value === undefined) throw new Error(`${file}: no value for ${placeholder}`);
      return value;
    });
    files.push({ path: targetPath(file), content });
  }
  return files;
}

function targetPath(file: string): string {
  return file
    .split('/')
    .map((part) => (part.startsWith(DOTFILE_PREFIX) ? `.${part.slice(DOTFILE_PREFIX.length)}` : part))
    .join('/');
}

async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}
