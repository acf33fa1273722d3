// Where a test's attack data lives: a URL mirrored under a data directory, or a local file.
import path from 'node:path';
import type { AttackDataLocation } from '../model/detection.ts';

/**
 * `https://media.githubusercontent.com/media/splunk/attack_data/master/datasets/x.log` →
 * `media/splunk/attack_data/master/datasets/x.log`: the URL's path, decoded, with `.`/`..`
 * segments dropped so a mirror path can never leave the data directory.
 */
export function urlMirrorPath(url: URL): string {
  return url.pathname
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .filter(
      (segment) => segment !== '' && segment !== '.' && segment !== '..' && !segment.includes('/'),
    )
    .join('/');
}

/** A relative local path is taken from the content directory, as contentctl runs from its root. */
export function locateAttackData(data: string, contentDir: string): AttackDataLocation {
  if (/^https?:\/\//i.test(data)) {
    try {
      const url = new URL(data);
      return { kind: 'url', url: url.href, mirrorPath: urlMirrorPath(url) };
    } catch {
      // Not a parseable URL: treated as a (most likely missing) local path below.
    }
  }
  return { kind: 'file', path: path.resolve(contentDir, data) };
}

/** Where a runner looks for URL data: each data directory, then the URL's path under it. */
export function mirroredCandidates(
  location: AttackDataLocation,
  dataDirs: readonly string[],
): readonly string[] {
  if (location.kind === 'file') return [location.path];
  return dataDirs.map((dir) => path.join(dir, ...location.mirrorPath.split('/')));
}
