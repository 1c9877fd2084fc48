import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { VersionedStorage } from '../store/storage';

/**
 * The latest refresh token of the Secure Application Model, kept so that Entra ID's rotation survives a
 * restart: a refresh token unused for 90 days expires, and only the consent (with MFA) makes a new one.
 */
export interface RefreshTokenStore {
  load(): Promise<string | undefined>;
  save(refreshToken: string): Promise<void>;
}

const STORAGE_KEY = 'partner-center/refresh-token';
const TOKEN_KEY_BYTES = 32;
const IV_BYTES = 12;

const sealedSchema = z.object({
  algorithm: z.literal('aes-256-gcm'),
  iv: z.base64(),
  tag: z.base64(),
  ciphertext: z.base64(),
  savedAt: z.iso.datetime(),
});

/**
 * AES-256-GCM with a key that lives outside the store (PARTNER_CENTER_TOKEN_KEY, a Key Vault secret in
 * Azure), so a copy of the store or its backups does not carry a usable token. The app and tenant are the
 * additional data: a token sealed for one app registration does not open for another.
 */
export function encryptedRefreshTokenStore(storage: VersionedStorage, key: Buffer, boundTo: string): RefreshTokenStore {
  if (key.length !== TOKEN_KEY_BYTES) throw new Error(`the refresh token key must be ${TOKEN_KEY_BYTES} bytes`);
  const additionalData = Buffer.from(`${STORAGE_KEY}|${boundTo}`);
  return {
    async load() {
      const stored = await storage.get(STORAGE_KEY);
      if (!stored) return undefined;
      const sealed = sealedSchema.parse(stored.value);
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
      decipher.setAAD(additionalData);
      decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString('utf8');
    },
    async save(refreshToken) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(additionalData);
      const ciphertext = Buffer.concat([cipher.update(refreshToken, 'utf8'), cipher.final()]);
      await storage.set(STORAGE_KEY, {
        algorithm: 'aes-256-gcm',
        iv: iv.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
        ciphertext: ciphertext.toString('base64'),
        savedAt: new Date().toISOString(),
      });
    },
  };
}
