/**
 * The bot's permissions in one channel, computed as Discord does (docs: topics/permissions.mdx,
 * Permission Overwrites and its `compute_overwrites`): the guild-level base, then the channel's
 * @everyone overwrite, the role overwrites together, then the member's own. A thread takes its
 * parent's (docs: topics/threads.mdx, Permissions: "Threads generally inherit permissions from the
 * parent channel").
 */
import { OverwriteType, PermissionFlagsBits, type APIOverwrite } from 'discord-api-types/v10';

/** Permissions the bot may hold, by the names discord-api-types gives them. */
export type FakePermission = 'ViewChannel' | 'SendMessages' | 'SendMessagesInThreads' | 'EmbedLinks' | 'ManageThreads' | 'ManageMessages' | 'PinMessages' | 'ReadMessageHistory';

export const ALL_FAKE_PERMISSIONS: FakePermission[] = ['ViewChannel', 'SendMessages', 'SendMessagesInThreads', 'EmbedLinks', 'ManageThreads', 'ManageMessages', 'PinMessages', 'ReadMessageHistory'];

export function bitsOf(perms: Iterable<FakePermission>): bigint {
  let bits = 0n;
  for (const p of perms) bits |= PermissionFlagsBits[p];
  return bits;
}

/** An overwrite for a role (or @everyone, whose role id is the guild's) or a member, by names. */
export function overwrite(id: string, type: 'role' | 'member', o: { allow?: FakePermission[]; deny?: FakePermission[] }): APIOverwrite {
  return { id, type: type === 'role' ? OverwriteType.Role : OverwriteType.Member, allow: String(bitsOf(o.allow ?? [])), deny: String(bitsOf(o.deny ?? [])) };
}

export function computeOverwrites(base: bigint, who: { guildId: string; userId: string; roles: readonly string[] }, overwrites: readonly APIOverwrite[]): bigint {
  if (base & PermissionFlagsBits.Administrator) return ~0n;
  let perms = base;
  const byId = new Map(overwrites.map((o) => [o.id, o]));
  const everyone = byId.get(who.guildId);
  if (everyone) perms = (perms & ~BigInt(everyone.deny)) | BigInt(everyone.allow);
  let allow = 0n;
  let deny = 0n;
  for (const role of who.roles) {
    const o = byId.get(role);
    if (o && o.type === OverwriteType.Role) {
      allow |= BigInt(o.allow);
      deny |= BigInt(o.deny);
    }
  }
  perms = (perms & ~deny) | allow;
  const member = byId.get(who.userId);
  if (member && member.type === OverwriteType.Member) perms = (perms & ~BigInt(member.deny)) | BigInt(member.allow);
  return perms;
}
