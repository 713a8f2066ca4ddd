/**
 * Which event source a notes folder needs. inotify sees no change made on the other side of a
 * network, FUSE or host mount (an Obsidian vault on /mnt/c under WSL2, a Docker Desktop bind mount,
 * an SMB or NFS share), so on those `auto` polls. The file-system type comes from statfs(2).
 */
import { statfsSync } from 'node:fs';
import { errorText } from '../errors.js';

/** statfs `f_type` magic numbers (linux/magic.h) of mounts that do not raise inotify events for remote changes. */
const POLL_FS: ReadonlyMap<number, string> = new Map([
  [0x6969, 'nfs'],
  [0x517b, 'smb'],
  [0xff534d42, 'cifs'],
  [0xfe534d42, 'smb2'],
  [0x65735546, 'fuse'],
  [0x01021997, '9p (WSL drvfs, VM shares)'],
  [0x6a656a63, 'virtiofs'],
  [0x794c7630, 'overlay'],
  [0x00c36400, 'ceph'],
  [0x47504653, 'gpfs'],
  [0x5346414f, 'afs'],
]);

export type WatchMode = 'native' | 'poll';

export interface ModeChoice {
  mode: WatchMode;
  reason: string;
}

export function chooseWatchMode(root: string, wanted: 'native' | 'poll' | 'auto', statfs: (p: string) => { type: number } = statfsSync): ModeChoice {
  if (wanted !== 'auto') return { mode: wanted, reason: `watch.mode: ${wanted}` };
  let type: number;
  try {
    type = statfs(root).type;
  } catch (e) {
    return { mode: 'native', reason: `file system type unknown (${errorText(e)}); native events` };
  }
  const hex = `0x${(type >>> 0).toString(16)}`;
  const name = POLL_FS.get(type >>> 0);
  return name ? { mode: 'poll', reason: `${name} mount (statfs type ${hex}): its remote changes raise no events` } : { mode: 'native', reason: `local file system (statfs type ${hex})` };
}
