import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { crc32 } from 'node:zlib';

/**
 * The layout of the issued-numbers file (docs/ARCHITECTURE.md §6.4): the highest registration
 * number this desk has issued per center, desk and day, kept beside the database and not in it,
 * so a database restored from a backup does not roll it back.
 *
 * Fixed size, made whole once: a 64-byte header, then SLOTS records of 64 bytes, each
 * `key length, key, value, CRC-32 of the rest`. A registration overwrites one record in place
 * and syncs the file's data: no size change, no rename, no folder sync, so the disk writes one
 * block where the temp-file-and-rename JSON file cost two fsyncs and a directory update. A record
 * whose checksum fails (a write torn by a crash, a damaged block) is read as empty.
 */
export const ISSUED_NUMBERS_FILE = 'registration-numbers.bin';

export const SLOT_BYTES = 64;
const HEADER_BYTES = 64;
/** Two records per key (issued-numbers.ts writes the older one, so a torn write keeps the newer), 64 keys: more days than any kept backup spans. */
export const PAIRS = 64;
const SLOTS = PAIRS * 2;
export const FILE_BYTES = HEADER_BYTES + SLOTS * SLOT_BYTES;

const MAGIC = Buffer.from('VIKNO ISSUED NUMBERS', 'ascii');
const VERSION = 1;
const KEY_AT = 1;
const MAX_KEY_BYTES = 47;
const VALUE_AT = 48;
const CRC_AT = 60;
/** A record holds the value as 32 bits; numbers have at most nine digits (registration-number.ts). */
export const MAX_VALUE = 0xffff_ffff;

export interface IssuedRecord {
  key: string;
  value: number;
}

const checksum = (bytes: Buffer) => crc32(bytes.subarray(0, CRC_AT));

export const slotOffset = (slot: number) => HEADER_BYTES + slot * SLOT_BYTES;

/** Whether a key and value fit a record; the keys registration-number.ts makes (`KV01/07/2026-11-27`) always do. */
export function fitsRecord(key: string, value: number): boolean {
  const length = Buffer.byteLength(key, 'utf8');
  return length > 0 && length <= MAX_KEY_BYTES && Number.isSafeInteger(value) && value > 0 && value <= MAX_VALUE;
}

export function encodeRecord({ key, value }: IssuedRecord): Buffer {
  if (!fitsRecord(key, value)) throw new Error(`An issued-numbers record cannot hold ${key} = ${value}`);
  const record = Buffer.alloc(SLOT_BYTES);
  record[0] = record.write(key, KEY_AT, 'utf8');
  record.writeUInt32LE(value, VALUE_AT);
  record.writeUInt32LE(checksum(record), CRC_AT);
  return record;
}

/** The record in `bytes` (one slot), or null for an empty, torn or damaged one. */
export function decodeRecord(bytes: Buffer): IssuedRecord | null {
  if (bytes.length !== SLOT_BYTES || bytes.readUInt32LE(CRC_AT) !== checksum(bytes)) return null;
  const length = bytes[0] ?? 0;
  if (length === 0 || length > MAX_KEY_BYTES) return null;
  const value = bytes.readUInt32LE(VALUE_AT);
  return value > 0 ? { key: bytes.toString('utf8', KEY_AT, KEY_AT + length), value } : null;
}

function header(): Buffer {
  const bytes = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(bytes);
  bytes.writeUInt32LE(VERSION, MAGIC.length);
  bytes.writeUInt32LE(SLOTS, MAGIC.length + 4);
  bytes.writeUInt32LE(SLOT_BYTES, MAGIC.length + 8);
  bytes.writeUInt32LE(checksum(bytes), CRC_AT);
  return bytes;
}

/** Each slot's record (null where empty or unreadable), or null when `bytes` is not this file at all: another size, header or version. */
export function decodeFile(bytes: Buffer): Array<IssuedRecord | null> | null {
  if (bytes.length !== FILE_BYTES || !bytes.subarray(0, HEADER_BYTES).equals(header())) return null;
  return Array.from({ length: SLOTS }, (_, slot) => decodeRecord(bytes.subarray(slotOffset(slot), slotOffset(slot + 1))));
}

/**
 * Makes an empty file at `path`, whole or not at all: written under a temp name, fsynced,
 * renamed, the folder fsynced, like every file the desk keeps. Once per data folder.
 */
export function createIssuedNumbersFile(path: string): void {
  const temp = `${path}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    const bytes = Buffer.alloc(FILE_BYTES);
    header().copy(bytes);
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
  // Windows cannot open a folder to sync it, and NTFS journals renames itself (as db/backup.ts).
  if (process.platform === 'win32') return;
  const folder = openSync(dirname(path), 'r');
  try {
    fsyncSync(folder);
  } finally {
    closeSync(folder);
  }
}
