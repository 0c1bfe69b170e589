import type { PickedFile } from '../../../../main/core/api/contract';
import { invoke } from '../../api/client';

const CHUNK = 3 * 1024 * 1024; // 3 MiB of bytes → 4 MiB of base64, the API's chunk limit

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * Sends a dropped or picked browser File to the core in chunks (works over IPC and HTTP
 * alike) and returns the token to import it with.
 */
export async function uploadFile(
  file: File,
  onProgress?: (sent: number) => void,
): Promise<PickedFile> {
  let uploadId: string | undefined;
  for (let offset = 0; ; offset += CHUNK) {
    const slice = new Uint8Array(await file.slice(offset, offset + CHUNK).arrayBuffer());
    const last = offset + CHUNK >= file.size;
    const r = await invoke('sources.upload', {
      uploadId,
      name: file.name,
      data: toBase64(slice),
      last,
    });
    uploadId = r.uploadId;
    onProgress?.(Math.min(file.size, offset + CHUNK));
    if (last) {
      if (!r.file) throw new Error('upload did not complete');
      return r.file;
    }
  }
}
