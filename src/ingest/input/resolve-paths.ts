// Turns the paths a user gave into the list of inputs to read: files as given, directories walked
// recursively in a fixed order, `-` for stdin.
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { INPUT_FORMATS } from '../formats/index.ts';

export const STDIN_PATH = '-';

export interface ResolvedInputs {
  /** Paths to read, in order: as given, directory contents sorted by name (code unit order). */
  readonly files: readonly string[];
  /** Directory entries not read: hidden (`.name`) or with an extension no reader claims. */
  readonly ignored: readonly string[];
  /** Paths given that do not exist, and directories that cannot be listed, with the reason. */
  readonly missing: readonly { readonly path: string; readonly reason: string }[];
}

/** Extensions read when walking a directory; a file named explicitly is read whatever its name. */
const WALKED_EXTENSIONS: readonly string[] = INPUT_FORMATS.flatMap((f) => f.extensions);

export async function resolveInputPaths(paths: readonly string[]): Promise<ResolvedInputs> {
  const files: string[] = [];
  const ignored: string[] = [];
  const missing: { path: string; reason: string }[] = [];
  const seen = new Set<string>();
  const add = async (file: string) => {
    const key = file === STDIN_PATH ? file : await realpath(file).catch(() => path.resolve(file));
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };
  for (const given of paths) {
    if (given === STDIN_PATH) {
      await add(given);
      continue;
    }
    const info = await stat(given).catch((error: NodeJS.ErrnoException) => error);
    if (info instanceof Error) {
      missing.push({ path: given, reason: ioReason(info) });
    } else if (info.isDirectory()) {
      await walk(given, new Set(), { add, ignored, missing });
    } else {
      await add(given);
    }
  }
  return { files, ignored, missing };
}

interface WalkSink {
  add(file: string): Promise<void>;
  readonly ignored: string[];
  readonly missing: { path: string; reason: string }[];
}

async function walk(dir: string, ancestors: Set<string>, sink: WalkSink): Promise<void> {
  let real: string;
  let names: string[];
  try {
    real = await realpath(dir);
    names = (await readdir(dir)).sort();
  } catch (error) {
    sink.missing.push({ path: dir, reason: ioReason(error as NodeJS.ErrnoException) });
    return;
  }
  // A symbolic link back to an enclosing directory would make the walk endless.
  if (ancestors.has(real)) return;
  const inside = new Set(ancestors).add(real);
  for (const name of names) {
    const full = path.join(dir, name);
    if (name.startsWith('.')) {
      sink.ignored.push(full);
      continue;
    }
    const info = await stat(full).catch(() => undefined);
    if (info?.isDirectory()) {
      await walk(full, inside, sink);
    } else if (info?.isFile() && hasWalkedExtension(name)) {
      await sink.add(full);
    } else {
      sink.ignored.push(full);
    }
  }
}

function hasWalkedExtension(name: string): boolean {
  const lower = name.toLowerCase().replace(/\.gz$/, '');
  return WALKED_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

export function ioReason(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    default:
      return error.message;
  }
}
