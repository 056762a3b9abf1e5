// Check: the deployable package (Metadata API format) holds no TypeScript source, test, mock or config,
// and every TypeScript component has been compiled.
import { checkPackageContents } from '../lib/package-build.mjs';

export async function check(root) {
    return checkPackageContents(root);
}
