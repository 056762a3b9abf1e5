// Check: every Apex method a component calls exists, is @AuraEnabled, and has a preview twin with the same
// name and the same parameters in the same order, so the local preview exercises the same contract as an org.
import { apexImports, auraEnabledMethods, loadTwins, twinParameters } from '../lib/apex-twins.mjs';

export async function check(root) {
    const findings = [];
    const methods = auraEnabledMethods(root);
    const twins = await loadTwins(root);
    const seen = new Set();
    for (const { file, className, methodName } of apexImports(root)) {
        const key = `${className}.${methodName}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const apexParams = methods.get(className)?.methods.get(methodName);
        if (!apexParams) {
            findings.push({ file, message: `${key} is imported but is not an @AuraEnabled method in the package` });
            continue;
        }
        const twin = twins.get(className)?.[methodName];
        if (typeof twin !== 'function') {
            findings.push({
                file: `preview/twins/${className}.mjs`,
                message: `${key} has no preview twin: export function ${methodName}({ ${apexParams.join(', ')} }, context)`
            });
            continue;
        }
        const twinParams = twinParameters(twin);
        if (!twinParams || twinParams.join(',') !== apexParams.join(',')) {
            findings.push({
                file: `preview/twins/${className}.mjs`,
                message: `${key}: the twin takes { ${(twinParams ?? ['?']).join(', ')} } but the Apex method takes (${apexParams.join(', ')})`
            });
        }
    }
    for (const [className, twin] of twins) {
        for (const name of Object.keys(twin)) {
            if (typeof twin[name] === 'function' && !methods.get(className)?.methods.has(name)) {
                findings.push({
                    file: `preview/twins/${className}.mjs`,
                    message: `twin ${className}.${name} has no @AuraEnabled Apex method of that name`
                });
            }
        }
    }
    return findings;
}
