// Turns the paths a user gave into the list of inputs to read: files as given, directories walked
// recursively in a fixed order, `-` for stdin.
import { readdir, realpath, stat, statfs } from 'node:fs/promises';
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
  /** Paths given that are not files to read: FIFOs, devices, sockets, /proc and /sys. */
  readonly refused: readonly { readonly path: string; readonly reason: string }[];
}

/**
 * Pseudo file systems (statfs types) whose files never end, block or change as they are read:
 * proc, sysfs, debugfs, tracefs, securityfs, cgroup, cgroup2, configfs, bpf, efivarfs.
 */
const PSEUDO_FILE_SYSTEMS = new Set([
  0x9fa0, 0x62656572, 0x64626720, 0x74726163, 0x73636673, 0x27e0eb, 0x63677270, 0x62656570,
  0xcafe4a11, 0xde5e81e4,
]);

/** Why `path` (given on the command line) is not read, or undefined when it is a file or dir. */
async function notReadable(
  path: string,
  info: Awaited<ReturnType<typeof stat>>,
): Promise<string | undefined> {
  if (!info.isFile() && !info.isDirectory()) {
    const kind = info.isFIFO()
      ? 'a FIFO (named pipe)'
      : info.isCharacterDevice() || info.isBlockDevice()
        ? 'a device'
        : info.isSocket()
          ? 'a socket'
          : 'not a regular file';
    return `${kind}: it may never end or block forever; pipe it to - instead (spelunk ... - < ${path})`;
  }
  const fs = await statfs(path).catch(() => undefined);
  if (fs !== undefined && PSEUDO_FILE_SYSTEMS.has(Number(fs.type))) {
    return 'a kernel pseudo-file system (/proc, /sys): its files have no fixed end; copy the file first or pipe it to -';
  }
  return undefined;
}

/** Extensions read when walking a directory; a file named explicitly is read whatever its name. */
const WALKED_EXTENSIONS: readonly string[] = INPUT_FORMATS.flatMap((f) => f.extensions);

export async function resolveInputPaths(paths: readonly string[]): Promise<ResolvedInputs> {
  const files: string[] = [];
  const ignored: string[] = [];
  const missing: { path: string; reason: string }[] = [];
  const refused: { path: string; reason: string }[] = [];
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
      continue;
    }
    const refusal = await notReadable(given, info);
    if (refusal !== undefined) {
      refused.push({ path: given, reason: refusal });
    } else if (info.isDirectory()) {
      await walk(given, new Set(), { add, ignored, missing });
    } else {
      await add(given);
    }
  }
  return { files, ignored, missing, refused };
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
