/**
 * Who signs checkpoints. The key must not be where the log is: whoever holds the database can
 * rewrite the log, and must not be able to sign a checkpoint of the rewritten one. Today a key
 * file beside the admin token (mode 0600); an HSM or a cloud KMS plugs in as another
 * CheckpointSigner (the signature is Ed25519 over checkpointText, whatever holds the key).
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { keyIdOf, pemBlocks } from '../../domain/audit';

export interface CheckpointSigner {
  /** keyIdOf(public key): what checkpoints name so a verifier picks the key. */
  readonly keyId: string;
  /** The public key as SPKI PEM: served, printed and written beside the key for auditors. */
  readonly publicKeyPem: string;
  sign(data: Buffer): Promise<Buffer>;
}

/** Reads the Ed25519 key file, creating it (mode 0600, its directory 0700) on the first start. */
export function fileSigner(file: string): { signer: CheckpointSigner; created: boolean } {
  let created = false;
  if (!existsSync(file)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    // 'wx': two processes starting at once do not overwrite each other's fresh key.
    try {
      writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
      chmodSync(file, 0o600);
      created = true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  const privateKey = createPrivateKey(readFileSync(file));
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${file}: the checkpoint key must be Ed25519`);
  const publicKey = createPublicKey(privateKey);
  return {
    created,
    signer: {
      keyId: keyIdOf(publicKey),
      publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      sign: async (data) => sign(null, data, privateKey),
    },
  };
}

/**
 * The public keys of a PEM file: one key (a hub's .pub, or its private key file: the public half)
 * or a trusted-keys file of several, one block per hub. A file with no key in it is an error, not
 * an empty list: a typo must not leave the verifier trusting nothing it was told to.
 */
export function publicKeyPemsFromFile(file: string): string[] {
  const blocks = pemBlocks(readFileSync(file, 'utf8'));
  if (!blocks.length) throw new Error(`${file}: no PEM key in it`);
  return blocks.map((pem) => createPublicKey(pem).export({ type: 'spki', format: 'pem' }).toString());
}
