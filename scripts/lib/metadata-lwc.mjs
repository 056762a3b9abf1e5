// Lightning web component configuration (js-meta.xml). The Metadata API model types `targetConfigs` as an
// opaque string, but in source format it is nested XML; this module validates that part and reads a bundle's
// targets and per-target configuration for the cross-reference check.
import { all, attributes, elements, textOf, texts } from './metadata-tree.mjs';
import { suggestion } from './metadata-text.mjs';

/**
 * Child elements a <targetConfig> may hold, from the LWC configuration reference. New targets keep adding
 * elements, so an unknown name is reported only when it is a near miss of a known one (a typo), not otherwise.
 */
const TARGET_CONFIG_ELEMENTS = [
    'property',
    'propertyType',
    'objects',
    'supportedFormFactors',
    'actionType',
    'event',
    'sourceType',
    'dataType',
    'dataProviders'
];

const TARGET_NAME = /^\w+__\w+$/;

/** Validates <targetConfigs> (called from the model-driven validator with its context). */
export function validateTargetConfigs({ locator, report, root }, item, path, offset) {
    const configs = all(item, 'targetConfig');
    const declared = readBundleConfig(root).targets;
    for (const [name] of elements(item)) {
        if (name !== 'targetConfig') {
            report(
                locator.find(name, offset) ?? offset,
                `${path}: unknown element <${name}> (expected <targetConfig>)`
            );
        }
    }
    configs.forEach((config, index) => {
        const configOffset = locator.find('targetConfig', offset, index) ?? offset;
        const here = `${path}.targetConfig`;
        const { targets } = attributes(config);
        if (!targets) report(configOffset, `${here}: missing the targets attribute`);
        for (const target of splitTargets(targets)) {
            if (!TARGET_NAME.test(target)) report(configOffset, `${here}: "${target}" is not a target name`);
            else if (!declared.includes(target)) {
                report(configOffset, `${here}: target ${target} is configured but not listed in <targets>`);
            }
        }
        for (const [name] of elements(config)) {
            if (TARGET_CONFIG_ELEMENTS.includes(name)) continue;
            const hint = suggestion(name, TARGET_CONFIG_ELEMENTS, (s) => `<${s}>`);
            if (hint)
                report(locator.find(name, configOffset) ?? configOffset, `${here}: unknown element <${name}>${hint}`);
        }
        all(config, 'property').forEach((property) => {
            const attrs = attributes(property);
            if (!attrs.name || !attrs.type) {
                report(configOffset, `${here}.property: needs name and type attributes`);
            }
        });
    });
}

function splitTargets(targets) {
    return (targets ?? '')
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean);
}

/**
 * A bundle's exposure: { isExposed, targets: [..], configs: [{ targets, objects, properties }] } from the
 * root of its js-meta.xml (as readMetadataXml returns it).
 */
export function readBundleConfig(root) {
    const targets = all(root, 'targets').flatMap((node) => texts(node, 'target'));
    const configs = all(root, 'targetConfigs')
        .flatMap((node) => all(node, 'targetConfig'))
        .map((config) => ({
            targets: splitTargets(attributes(config).targets),
            objects: all(config, 'objects').flatMap((node) => texts(node, 'object')),
            properties: all(config, 'property').map((p) => attributes(p).name)
        }));
    return { isExposed: textOf(all(root, 'isExposed')[0]) === 'true', targets, configs };
}
