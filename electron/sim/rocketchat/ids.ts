import { randomInt } from 'node:crypto';

// Meteor's Random.id alphabet: no 0/1/I/O/l so ids survive being read aloud.
const UNMISTAKABLE = '23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz';
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function pick(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet.charAt(randomInt(alphabet.length));
  return out;
}

/** A 17-character Meteor document id (users, rooms, messages, visitors). */
export function randomId(): string {
  return pick(UNMISTAKABLE, 17);
}

/** A 43-character login token, the shape of Meteor's Random.secret(). */
export function randomSecret(): string {
  return pick(BASE64URL, 43);
}
