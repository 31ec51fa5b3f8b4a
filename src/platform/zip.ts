import { Unzip, UnzipInflate } from 'fflate';

/** What one upload's zip may hold once opened: a large council's whole SSDA903 return is a few tens of MB. */
export const zipLimits = { entries: 50, inflatedBytes: 256 * 1024 * 1024 };

export class ZipRefused extends Error {}

/**
 * The files in a zip, opened as a stream that stops as soon as the entries or their inflated size pass the limits,
 * whatever the zip's headers claim: a 400 KB upload that inflated to 400 MB took 2.8 GB of memory and two minutes
 * (issue 22). Folders and macOS's resource forks are left out. Throws ZipRefused with a sentence for the person.
 */
export function openZip(
  zip: Uint8Array,
  limits: typeof zipLimits = zipLimits,
): Array<{ name: string; content: Uint8Array; folder: string }> {
  const files: Array<{ name: string; content: Uint8Array; folder: string }> = [];
  let entries = 0;
  let inflated = 0;
  let refusal: string | undefined;
  const unzip = new Unzip((entry) => {
    if (refusal || entry.name.endsWith('/') || entry.name.includes('__MACOSX')) return;
    entries += 1;
    if (entries > limits.entries) {
      refusal = `it holds more than ${limits.entries} files`;
      return;
    }
    const chunks: Uint8Array[] = [];
    entry.ondata = (error, chunk, final) => {
      if (error) throw error;
      inflated += chunk.length;
      if (inflated > limits.inflatedBytes) {
        refusal = `its files come to more than ${Math.round(limits.inflatedBytes / 1024 / 1024)} MB when opened`;
        entry.terminate();
        return;
      }
      chunks.push(chunk);
      if (final)
        files.push({
          name: entry.name.split('/').at(-1)!,
          content: Buffer.concat(chunks),
          // The folder within the zip, for a zip of several years' returns (a folder a year).
          folder: entry.name.split('/').slice(0, -1).join('/'),
        });
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  unzip.push(zip, true);
  if (refusal) throw new ZipRefused(refusal);
  return files.filter((file) => file.content.length > 0);
}
